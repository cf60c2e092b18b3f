// amazon-cognito-identity-js (npm peer, AWS's own SRP client) driven against the local Cognito: an independent SRP and
// device-SRP implementation to cross-check the emulator. Each call resolves to the callback that fired.
'use strict';
const path = require('path');

const identity = require(path.resolve(__dirname, '..', '..', '..', '..', 'peers', 'node_modules', 'amazon-cognito-identity-js'));

/** A storage per simulated browser (the library keeps device key, group key and device secret there). */
function memoryStorage() {
  const data = new Map();
  return {
    data,
    setItem: (k, v) => data.set(k, String(v)),
    getItem: (k) => (data.has(k) ? data.get(k) : null),
    removeItem: (k) => data.delete(k),
    clear: () => data.clear(),
  };
}

function userFor({ endpoint, poolId, clientId, username, storage }) {
  const pool = new identity.CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: `${endpoint}/`, Storage: storage });
  const user = new identity.CognitoUser({ Username: username, Pool: pool, Storage: storage });
  user.setAuthenticationFlowType('USER_SRP_AUTH');
  return user;
}

function callbacks(resolve, user) {
  return {
    onSuccess: (session, userConfirmationNecessary) => resolve({ outcome: 'success', session, userConfirmationNecessary, user }),
    onFailure: (err) => resolve({ outcome: 'failure', err, user }),
    totpRequired: (challengeName) => resolve({ outcome: 'totp', challengeName, user }),
    mfaRequired: (challengeName) => resolve({ outcome: 'mfa', challengeName, user }),
    newPasswordRequired: () => resolve({ outcome: 'newPassword', user }),
  };
}

/** USER_SRP_AUTH sign-in; resolves { outcome: success | failure | totp | mfa | newPassword, ... }. */
function signIn(options, password) {
  const user = userFor(options);
  return new Promise((resolve) => {
    user.authenticateUser(new identity.AuthenticationDetails({ Username: options.username, Password: password }), callbacks(resolve, user));
  });
}

/** Answers a SOFTWARE_TOKEN_MFA challenge on the same CognitoUser. */
function sendTotp(user, code) {
  return new Promise((resolve) => user.sendMFACode(code, callbacks(resolve, user), 'SOFTWARE_TOKEN_MFA'));
}

function promisify(user, method, ...args) {
  return new Promise((resolve, reject) => {
    user[method](...args, {
      onSuccess: (r) => resolve(r),
      onFailure: (e) => reject(e),
    });
  });
}

function refresh(user, refreshToken) {
  return new Promise((resolve, reject) => user.refreshSession(refreshToken, (err, session) => (err ? reject(err) : resolve(session))));
}

module.exports = { identity, memoryStorage, signIn, sendTotp, promisify, refresh };
