// Cognito keeps an SRP verifier, not the password: the client proves the password against it in USER_SRP_AUTH
// (Cognito developer guide, "SRP authentication flow"). Every password set (SignUp, AdminCreateUser,
// AdminSetUserPassword, ChangePassword, ConfirmForgotPassword, NEW_PASSWORD_REQUIRED) goes through cognito-local's
// UserPoolService.saveUser, where the verifier is derived: salt + v = g^x, x = H(salt | H(poolName | username | ":" |
// password)). cognito-local's own USER_PASSWORD_AUTH still reads its stored password.
'use strict';
const srp = require('../lib/srp');

exports.apply = (env) => {
  const { UserPoolServiceImpl } = env.lib('services/userPoolService');
  const saveUser = UserPoolServiceImpl.prototype.saveUser;
  UserPoolServiceImpl.prototype.saveUser = function (ctx, user) {
    const group = this.options.Id.split('_')[1];
    if (user.Password && !srp.verifierMatches(group, user.Username, user.Password, user.SrpVerifier)) {
      user = { ...user, SrpVerifier: srp.createVerifier(group, user.Username, user.Password) };
    }
    return saveUser.call(this, ctx, user);
  };
};
