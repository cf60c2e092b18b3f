// A migrated user keeps the username they signed in with. cognito-local 5.3.0 names the user it creates after
// `response.userAttributes.username`, or a random UUID, so the user cannot find their own account afterwards. Cognito
// developer guide, "Migrate user Lambda trigger": Amazon Cognito creates the user "with the same username" the user
// entered (event.userName), from `response.userAttributes`; the function cannot rename the user.
//
// It wraps LambdaService.invoke for the UserMigration trigger: the returned userAttributes carry the event's username as
// a non-enumerable `username`, which cognito-local's user factory reads and its attribute copy (Object.entries) skips,
// so no stray `username` attribute is stored.
'use strict';

exports.apply = (env) => {
  const { LambdaService } = env.lib('services/lambda');
  const invoke = LambdaService.prototype.invoke;
  LambdaService.prototype.invoke = async function invokeKeepingUsername(ctx, trigger, event) {
    const response = await invoke.call(this, ctx, trigger, event);
    if (trigger !== 'UserMigration' || !response || !event || !event.username) return response;
    const userAttributes = { ...(response.userAttributes ?? {}) };
    delete userAttributes.username;
    Object.defineProperty(userAttributes, 'username', { value: event.username, enumerable: false });
    return { ...response, userAttributes };
  };
};
