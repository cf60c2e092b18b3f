// The sign-in machinery the flow and challenge extensions share: one wrapper around InitiateAuth and one around
// RespondToAuthChallenge that dispatch to registered flows and challenges, sessions for every challenge (cognito-local's
// own MFA and NEW_PASSWORD_REQUIRED challenges included, so every session is single-use), token issue, and the hand-off
// to cognito-local's password flow for what follows a verified first factor (MFA, NEW_PASSWORD_REQUIRED, tokens).
'use strict';
const sessions = require('./sessions');

const STATE = Symbol.for('exanubes.local-cognito.auth');
const RETRYABLE = new Set(['CodeMismatchException', 'ResourceNotFoundException']);

function registry(env) {
  if (env[STATE]) return env[STATE];
  const reg = { flows: new Map(), challenges: new Map() };
  env[STATE] = reg;

  env.wrapTarget('InitiateAuth', (original) => {
    reg.initiate = original;
    return (services) => {
      const inner = original(services);
      return async (ctx, req) => {
        const flow = reg.flows.get(req.AuthFlow);
        const out = flow
          ? await flow({ env, services, ctx, req, inner, initiate: inner, ...(await scopeFor(env, services, ctx, req.ClientId)) })
          : await inner(ctx, req);
        return adoptForeignSession(out, { clientId: req.ClientId, clientMetadata: req.ClientMetadata });
      };
    };
  });

  env.wrapTarget('RespondToAuthChallenge', (original) => (services) => {
    const inner = original(services);
    return async (ctx, req) => {
      const { InvalidParameterError, NotAuthorizedError } = env.errors;
      if (!req.ChallengeName) throw new InvalidParameterError('Missing required parameter ChallengeName');
      const responses = req.ChallengeResponses || {};
      if (!responses.USERNAME) throw new InvalidParameterError('Missing required parameter USERNAME');
      const scope = await scopeFor(env, services, ctx, req.ClientId);
      const state = sessions.peek(env, req.Session, { kinds: [req.ChallengeName], clientId: req.ClientId });
      const user = await scope.userPool.getUserByUsername(ctx, responses.USERNAME);
      if (!user || user.Username !== state.username) throw new NotAuthorizedError('Invalid session for the user.');
      const handler = reg.challenges.get(req.ChallengeName);
      const initiate = reg.initiate(services);
      let out;
      try {
        out = handler
          ? await handler({ env, services, ctx, req, state, user, inner, initiate, ...scope })
          : await answerForeign({ env, services, ctx, req, state, user, inner, initiate, ...scope });
      } catch (err) {
        // A wrong code may be retried in the same session, and so may an answer naming a device that does not exist
        // (amazon-cognito-identity-js answers "Device does not exist." by resending PASSWORD_VERIFIER without the key
        // in the same session); any other failure ends the session.
        if (!err || !RETRYABLE.has(err.code)) sessions.consume(req.Session);
        throw err;
      }
      sessions.consume(req.Session);
      return adoptForeignSession(out, { ...state, clientId: req.ClientId });
    };
  });
  return reg;
}

async function scopeFor(env, services, ctx, clientId) {
  const { InvalidParameterError, ResourceNotFoundError } = env.errors;
  if (!clientId) throw new InvalidParameterError('Missing required parameter ClientId');
  const client = await services.cognito.getAppClient(ctx, clientId);
  if (!client) throw new ResourceNotFoundError('User pool client does not exist.');
  const userPool = await services.cognito.getUserPoolForClientId(ctx, clientId);
  return { client, userPool };
}

/** Registers an InitiateAuth AuthFlow handler ({ env, services, ctx, req, inner, initiate, client, userPool }). */
function onFlow(env, name, handler) {
  registry(env).flows.set(name, handler);
}

/**
 * Registers a RespondToAuthChallenge handler ({ env, services, ctx, req, state, user, inner, initiate, client,
 * userPool }); inner is cognito-local's RespondToAuthChallenge, initiate its InitiateAuth.
 */
function onChallenge(env, name, handler) {
  registry(env).challenges.set(name, handler);
}

/** A challenge response with a new session carrying state (kind = the challenge name). */
function challenge(name, parameters, state, extra = {}) {
  return {
    ChallengeName: name,
    ChallengeParameters: parameters,
    Session: sessions.create({ ...state, kind: name }),
    ...extra,
  };
}

// cognito-local's own challenges (SMS_MFA, SOFTWARE_TOKEN_MFA, SELECT_MFA_TYPE, NEW_PASSWORD_REQUIRED) carry a uuid
// it never checks; they are held behind one of our sessions so they too expire and answer once.
function adoptForeignSession(out, state) {
  if (!out || !out.ChallengeName || !out.Session || sessions.isOurs(out.Session)) return out;
  const username = out.ChallengeParameters && out.ChallengeParameters.USER_ID_FOR_SRP;
  return {
    ...out,
    Session: sessions.create({ ...state, kind: out.ChallengeName, username, foreignSession: out.Session }),
  };
}

async function answerForeign({ env, ctx, req, state, inner, services, userPool, client, user }) {
  if (!state.foreignSession) throw new env.errors.NotAuthorizedError('Invalid session for the user.');
  const out = await inner(ctx, { ...req, Session: state.foreignSession });
  if (out && out.AuthenticationResult) {
    // cognito-local does not keep the refresh token it issues after MFA; Cognito's works for REFRESH_TOKEN_AUTH.
    const fresh = await userPool.getUserByUsername(ctx, user.Username);
    if (out.AuthenticationResult.RefreshToken && !(fresh.RefreshTokens || []).includes(out.AuthenticationResult.RefreshToken)) {
      await userPool.storeRefreshToken(ctx, out.AuthenticationResult.RefreshToken, fresh);
    }
    const result = await finishResult({ env, services, ctx, userPool, client, user: fresh, state, result: out.AuthenticationResult });
    return { ...out, AuthenticationResult: result };
  }
  return out;
}

function accessTokenSeconds(client) {
  if (client.AccessTokenValidity === undefined || client.AccessTokenValidity === null) return 24 * 3600;
  const unit = (client.TokenValidityUnits && client.TokenValidityUnits.AccessToken) || 'hours';
  return client.AccessTokenValidity * { seconds: 1, minutes: 60, hours: 3600, days: 86400 }[unit];
}

// What every AuthenticationResult of ours carries (AuthenticationResultType: AccessToken, ExpiresIn, TokenType,
// RefreshToken, IdToken, NewDeviceMetadata), and the device metadata the device extension adds.
const finishers = [];
function onFinish(fn) {
  finishers.push(fn);
}
async function finishResult(args) {
  let result = { ...args.result, ExpiresIn: accessTokenSeconds(args.client), TokenType: 'Bearer' };
  for (const fn of finishers) result = await fn({ ...args, result });
  return result;
}

/** Issues tokens for a user whose sign-in is complete (PostAuthentication trigger, refresh token stored). */
async function issueTokens({ env, services, ctx, userPool, client, user, state, clientMetadata }) {
  if (services.triggers.enabled('PostAuthentication')) {
    await services.triggers.postAuthentication(ctx, {
      clientId: client.ClientId,
      clientMetadata,
      source: 'PostAuthentication_Authentication',
      userAttributes: user.Attributes,
      username: user.Username,
      userPoolId: userPool.options.Id,
    });
  }
  const groups = await userPool.listUserGroupMembership(ctx, user);
  const tokens = await services.tokenGenerator.generate(ctx, user, groups, client, clientMetadata, 'Authentication');
  const fresh = await userPool.getUserByUsername(ctx, user.Username);
  await userPool.storeRefreshToken(ctx, tokens.RefreshToken, fresh);
  const result = await finishResult({ env, services, ctx, userPool, client, user: fresh, state, result: tokens });
  return { ChallengeParameters: {}, AuthenticationResult: result };
}

/**
 * After a verified first factor that is a password (PASSWORD, PASSWORD_SRP, USER_SRP_AUTH): what cognito-local's own
 * password flow does next (UserNotConfirmed, NEW_PASSWORD_REQUIRED, the pool's MFA, or tokens), reached by handing it
 * the stored password of the user whose proof we verified.
 */
async function afterPassword({ env, services, ctx, initiate, userPool, client, user, state, clientMetadata }) {
  const out = await initiate(ctx, {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: client.ClientId,
    AuthParameters: { USERNAME: user.Username, PASSWORD: user.Password },
    ClientMetadata: clientMetadata,
  });
  if (out && out.AuthenticationResult) {
    const fresh = await userPool.getUserByUsername(ctx, user.Username);
    const result = await finishResult({ env, services, ctx, userPool, client, user: fresh, state, result: out.AuthenticationResult });
    return { ChallengeParameters: {}, AuthenticationResult: result };
  }
  return adoptForeignSession(out, { ...state, clientId: client.ClientId, clientMetadata });
}

/** True when the app client allows the flow (ExplicitAuthFlows; Cognito's default when unset: SRP, custom, refresh). */
// Legacy values (ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY, USER_PASSWORD_AUTH) leave SRP on.
function clientAllows(client, flow) {
  const flows = client.ExplicitAuthFlows;
  if (!flows || flows.length === 0) return ['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'].includes(flow);
  if (flow === 'ALLOW_USER_SRP_AUTH' && !flows.some((f) => f.startsWith('ALLOW_'))) return true;
  return flows.includes(flow);
}

/** The user pool name part of the id ("us-east-1_AbC" → "AbC"), Cognito's SRP group for users. */
function poolName(userPool) {
  return userPool.options.Id.split('_')[1];
}

module.exports = { registry, onFlow, onChallenge, onFinish, challenge, issueTokens, afterPassword, clientAllows, poolName, finishResult };

/**
 * The user signing in, by any of their usernames. Unknown: UserNotFoundException, or NotAuthorizedException when the
 * client has PreventUserExistenceErrors ENABLED (API reference, UserPoolClientType.PreventUserExistenceErrors).
 * A disabled user is refused by extensions/disabled-user.js (check disabled-user) before any flow here runs.
 */
async function findUser(env, ctx, userPool, client, name) {
  const { InvalidParameterError, NotAuthorizedError, UserNotFoundError } = env.errors;
  if (!name) throw new InvalidParameterError('Missing required parameter USERNAME');
  const user = await userPool.getUserByUsername(ctx, name);
  if (!user) {
    if (client.PreventUserExistenceErrors === 'ENABLED') throw new NotAuthorizedError('Incorrect username or password.');
    throw new UserNotFoundError('User does not exist.');
  }
  return user;
}

/** InvalidParameterException "<flow> flow not enabled for this client" unless the client allows it. */
function requireFlow(env, client, explicitFlow, authFlow) {
  if (!clientAllows(client, explicitFlow)) {
    throw new env.errors.InvalidParameterError(`${authFlow} flow not enabled for this client`);
  }
}
module.exports.findUser = findUser;
module.exports.requireFlow = requireFlow;
