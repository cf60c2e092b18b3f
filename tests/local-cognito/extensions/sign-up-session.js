// Sign-in right after sign-up (API reference):
// - SignUpResponse.Session: "A session Id that you can pass to ConfirmSignUp when you want to immediately sign in your
//   user with the USER_AUTH flow after they complete sign-up." Issued when the app client allows ALLOW_USER_AUTH.
// - ConfirmSignUpRequest.Session: "The optional session ID from a SignUp API request." ConfirmSignUpResponse.Session:
//   "A session identifier that you can use to immediately sign in the confirmed user. You can automatically sign users
//   in with the one-time password that they provided in a successful ConfirmSignUp request."
// - InitiateAuth USER_AUTH with that Session signs the user in without another factor (extensions/USER_AUTH.js).
// The SignUp session lives as long as the confirmation code (24 hours, "Confirmation codes ... are valid for 24
// hours", developer guide, "Signing up and confirming user accounts"); the ConfirmSignUp session is an authentication
// session (lib/sessions.js lifetime). Both answer once (check session-single-use).
'use strict';
const auth = require('../lib/auth');
const sessions = require('../lib/sessions');

exports.apply = (env) => {
  env.wrapTarget('SignUp', (original) => (services) => {
    const inner = original(services);
    return async (ctx, req) => {
      const out = await inner(ctx, req);
      const client = await services.cognito.getAppClient(ctx, req.ClientId);
      if (!client || !auth.clientAllows(client, 'ALLOW_USER_AUTH')) return out;
      const session = sessions.create({ kind: 'SignUp', clientId: req.ClientId, username: await internalName(services, ctx, req) }, 24 * 3600 * 1000);
      return { ...out, Session: session };
    };
  });

  env.wrapTarget('ConfirmSignUp', (original) => (services) => {
    const inner = original(services);
    return async (ctx, req) => {
      let username;
      if (req.Session) {
        const userPool = await services.cognito.getUserPoolForClientId(ctx, req.ClientId);
        const user = await userPool.getUserByUsername(ctx, req.Username);
        if (!user) throw new env.errors.UserNotFoundError('User does not exist.');
        sessions.peek(env, req.Session, { kinds: ['SignUp'], clientId: req.ClientId, username: user.Username });
        username = user.Username;
      }
      const out = await inner(ctx, req);
      if (!username) return out;
      sessions.consume(req.Session);
      return { ...out, Session: sessions.create({ kind: 'SignUpConfirmed', clientId: req.ClientId, username }) };
    };
  });

  async function internalName(services, ctx, req) {
    const userPool = await services.cognito.getUserPoolForClientId(ctx, req.ClientId);
    const user = await userPool.getUserByUsername(ctx, req.Username);
    return user ? user.Username : req.Username;
  }
};
