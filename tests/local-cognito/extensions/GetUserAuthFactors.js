// GetUserAuthFactors (API reference): "Lists the authentication options for the currently signed-in user. Returns ...
// The user's multi-factor authentication (MFA) preferences. The user's options for choice-based authentication with
// the USER_AUTH flow." Response: Username (required), PreferredMfaSetting, UserMFASettingList,
// ConfiguredUserAuthFactors (AuthFactorType: the factors the pool allows and the user has, lib/first-factors.js).
'use strict';
const { authorize } = require('../lib/access-token');
const factors = require('../lib/first-factors');

exports.apply = (env) => {
  env.Targets.GetUserAuthFactors = (services) => async (ctx, req) => {
    const { userPool, user, clientId } = await authorize(env, services, ctx, req.AccessToken);
    const client = await services.cognito.getAppClient(ctx, clientId);
    const configured = await factors.configured({ env, services, ctx, userPool, client, user });
    return {
      Username: user.Username,
      PreferredMfaSetting: user.PreferredMfaSetting,
      UserMFASettingList: user.UserMFASettingList && user.UserMFASettingList.length ? user.UserMFASettingList : undefined,
      ConfiguredUserAuthFactors: configured,
    };
  };
};
