// Authentication-flow sessions. Cognito "creates a session token for each API request in an authentication flow"
// and "your user pool native user must respond to each authentication challenge before the session expires" (API
// reference, UserPoolClientType.AuthSessionValidity, 3 to 15 minutes, default 3). Each challenge answer gets a new
// session, so a session answers once; a reused one is refused with NotAuthorizedException ("Invalid session for the
// user, session can only be used once.").
//
// Check `session-single-use` (LOCAL_COGNITO_OFF=session-single-use keeps a used session valid).
// LOCAL_COGNITO_SESSION_SECONDS shortens the lifetime for tests (default 180, Cognito's default AuthSessionValidity).
'use strict';
const crypto = require('crypto');

const sessions = new Map();

function lifetimeMs() {
  const seconds = Number(process.env.LOCAL_COGNITO_SESSION_SECONDS || 180);
  return seconds * 1000;
}

/** A new opaque session (SessionType: 20 to 2048 characters) holding server-side state, live for ttlMs. */
function create(state, ttlMs = lifetimeMs()) {
  const now = Date.now();
  for (const [key, entry] of sessions) if (entry.expiresAt < now) sessions.delete(key);
  const token = crypto.randomBytes(96).toString('base64url');
  sessions.set(token, { state, expiresAt: now + ttlMs, used: false });
  return token;
}

/**
 * The state of a live session, checked against what the caller expects (kinds: the challenge names or purposes the
 * session was issued for). Throws NotAuthorizedException when unknown, expired, used, or issued for something else.
 */
function peek(env, token, { kinds, username, clientId }) {
  const { NotAuthorizedError, InvalidParameterError } = env.errors;
  if (!token) throw new InvalidParameterError('Missing required parameter Session');
  const entry = sessions.get(token);
  if (!entry) throw new NotAuthorizedError('Invalid session for the user.');
  if (Date.now() > entry.expiresAt) throw new NotAuthorizedError('Invalid session for the user, session is expired.');
  if (entry.used && env.enabled('session-single-use')) {
    throw new NotAuthorizedError('Invalid session for the user, session can only be used once.');
  }
  const { state } = entry;
  if (kinds && !kinds.includes(state.kind)) throw new NotAuthorizedError('Invalid session for the user.');
  if (clientId && state.clientId !== clientId) throw new NotAuthorizedError('Invalid session for the user.');
  if (username !== undefined && state.username !== username) {
    throw new NotAuthorizedError('Invalid session for the user.');
  }
  return state;
}

/** Marks a session used: the next answer with it fails while `session-single-use` is on. */
function consume(token) {
  const entry = sessions.get(token);
  if (entry) entry.used = true;
}

module.exports = { create, peek, consume };
module.exports.isOurs = (token) => sessions.has(token);
