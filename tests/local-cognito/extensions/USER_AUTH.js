// InitiateAuth AuthFlow=USER_AUTH (choice-based sign-in) and its SELECT_CHALLENGE, PASSWORD and PASSWORD_SRP challenges.
// API reference:
// - InitiateAuth AuthParameters: "USER_AUTH: USERNAME (required), PREFERRED_CHALLENGE. If you don't provide a value for
//   PREFERRED_CHALLENGE, Amazon Cognito responds with the AvailableChallenges parameter that specifies the available
//   sign-in methods."
// - InitiateAuth Session: "The optional session ID from a ConfirmSignUp API request ... Amazon Cognito assumes the SMS
//   or email message one-time verification password from ConfirmSignUp as the primary authentication factor ... only
//   valid for users who have confirmed their sign-up and are signing in for the first time within the authentication
//   flow session duration of the session ID." (extensions/sign-up-session.js issues it.)
// - RespondToAuthChallenge ChallengeResponses: SELECT_CHALLENGE { USERNAME, ANSWER } ("Complete authentication in the
//   SELECT_CHALLENGE response for PASSWORD, PASSWORD_SRP, and WEB_AUTHN" with PASSWORD / SRP_A / CREDENTIAL; for
//   SMS_OTP and EMAIL_OTP "Your user pool will send a code"); PASSWORD { USERNAME, PASSWORD }; PASSWORD_SRP { USERNAME,
//   SRP_A } (then PASSWORD_VERIFIER, extensions/USER_SRP_AUTH.js).
// Gates: the app client's ExplicitAuthFlows must hold ALLOW_USER_AUTH; the pool's SignInPolicy.AllowedFirstAuthFactors
// and what the user has decide the challenges (lib/first-factors.js). Passwords are followed by the pool's MFA; the
// passwordless factors sign in directly.
'use strict';
const auth = require('../lib/auth');
const factors = require('../lib/first-factors');
const sessions = require('../lib/sessions');
const userSrp = require('../lib/user-srp');

exports.apply = (env) => {
  const { InvalidParameterError, NotAuthorizedError, UserNotConfirmedException } = env.errors;
  const factorChallenges = ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'];

  factors.register('PASSWORD', {
    challenges: ['PASSWORD', 'PASSWORD_SRP'],
    has: ({ user }) => !!user.Password,
    start: async (args, name, params) => {
      // Without the secret yet, the answer is the challenge that asks for it.
      if (name === 'PASSWORD_SRP') {
        if (!params.SRP_A) return auth.challenge('PASSWORD_SRP', {}, args.state);
        return userSrp.start(env, args.userPool, args.user, params.SRP_A, args.state);
      }
      if (!params.PASSWORD) return auth.challenge('PASSWORD', {}, args.state);
      return checkPassword(args, params.PASSWORD);
    },
  });

  async function checkPassword(args, password) {
    if (args.user.Password !== password) throw new NotAuthorizedError('Incorrect username or password.');
    return auth.afterPassword({ ...args, clientMetadata: args.state.clientMetadata });
  }

  /** Starts `name` for the user: a challenge, or tokens when the parameters already complete it. */
  async function begin(args, name, params) {
    const start = factors.starter(name);
    return start(args, name, params);
  }

  auth.onFlow(env, 'USER_AUTH', async (args) => {
    const { ctx, req, client, userPool } = args;
    auth.requireFlow(env, client, 'ALLOW_USER_AUTH', 'USER_AUTH');
    const params = req.AuthParameters || {};
    const user = await auth.findUser(env, ctx, userPool, client, params.USERNAME);
    const state = { flow: 'USER_AUTH', clientId: client.ClientId, clientMetadata: req.ClientMetadata, username: user.Username, deviceKey: params.DEVICE_KEY };
    const scope = { ...args, user, state };

    if (req.Session) {
      sessions.peek(env, req.Session, { kinds: ['SignUpConfirmed'], clientId: client.ClientId, username: user.Username });
      sessions.consume(req.Session);
      return auth.issueTokens({ ...scope, clientMetadata: req.ClientMetadata });
    }
    if (user.UserStatus === 'UNCONFIRMED') throw new UserNotConfirmedException();

    const preferred = params.PREFERRED_CHALLENGE;
    if (preferred !== undefined && !factorChallenges.includes(preferred)) {
      throw new InvalidParameterError(`PREFERRED_CHALLENGE must be one of ${factorChallenges.join(', ')}.`);
    }
    const available = await factors.availableChallenges(scope);
    if (available.length === 0) throw new NotAuthorizedError('No sign-in method is available for this user.');
    if (preferred && available.includes(preferred)) return begin(scope, preferred, params);
    return auth.challenge('SELECT_CHALLENGE', {}, { ...state, available }, { AvailableChallenges: available });
  });

  auth.onChallenge(env, 'SELECT_CHALLENGE', async (args) => {
    const { req, state, user } = args;
    const responses = req.ChallengeResponses;
    const answer = responses.ANSWER;
    if (!answer) throw new InvalidParameterError('Missing required parameter ANSWER');
    if (!state.available.includes(answer)) throw new InvalidParameterError(`${answer} is not one of the available challenges.`);
    const next = { ...state, available: undefined, clientMetadata: req.ClientMetadata ?? state.clientMetadata };
    return begin({ ...args, user, state: next }, answer, responses);
  });

  auth.onChallenge(env, 'PASSWORD', async (args) => {
    const { req, state } = args;
    if (!req.ChallengeResponses.PASSWORD) throw new InvalidParameterError('Missing required parameter PASSWORD');
    return checkPassword({ ...args, state: { ...state, clientMetadata: req.ClientMetadata ?? state.clientMetadata } }, req.ChallengeResponses.PASSWORD);
  });

  auth.onChallenge(env, 'PASSWORD_SRP', async (args) => {
    const { req, state, userPool, user } = args;
    return userSrp.start(env, userPool, user, req.ChallengeResponses.SRP_A, { ...state, clientMetadata: req.ClientMetadata ?? state.clientMetadata });
  });
};
