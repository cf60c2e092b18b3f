// ResendConfirmationCode (Cognito API reference, ResendConfirmationCode): missing in cognito-local 5.3.0. Mirrors
// cognito-local's own ForgotPassword: a new code replaces the old one and goes out through the same message path
// (CustomEmailSender trigger, trigger source CustomEmailSender_ResendCode).
'use strict';
exports.apply = (env) => {
  if (env.Targets.ResendConfirmationCode) return;
  const { UserNotFoundError, InvalidParameterError } = env.errors;
  const { attributeValue } = env.lib('services/userPoolService');
  env.Targets.ResendConfirmationCode = ({ cognito, clock, messages, otp }) => async (ctx, req) => {
    const userPool = await cognito.getUserPoolForClientId(ctx, req.ClientId);
    const user = await userPool.getUserByUsername(ctx, req.Username);
    if (!user) {
      throw new UserNotFoundError();
    }
    if (user.UserStatus === 'CONFIRMED') {
      throw new InvalidParameterError('User is already confirmed.');
    }
    const email = attributeValue('email', user.Attributes);
    if (!email) {
      throw new InvalidParameterError('ResendConfirmationCode needs an email attribute on the user.');
    }
    const deliveryDetails = { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: email };
    const code = otp();
    await messages.deliver(ctx, 'ResendCode', req.ClientId, userPool.options.Id, user, code, req.ClientMetadata, deliveryDetails);
    await userPool.saveUser(ctx, { ...user, UserLastModifiedDate: clock.get(), ConfirmationCode: code });
    return { CodeDeliveryDetails: deliveryDetails };
  };
};
