// Trigger CustomSMSSender (developer guide, "Custom SMS sender Lambda trigger"): when a user pool has a custom SMS
// sender, Amazon Cognito invokes it instead of sending an SMS itself, with trigger source CustomSMSSender_<source>
// (SignUp, ForgotPassword, ResendCode, VerifyUserAttribute, UpdateUserAttribute, Authentication, AdminCreateUser) and
// request.type "customSMSSenderRequestV1", the code encrypted like the custom email sender's (encryption-context.js).
// cognito-local 5.3.0 has no custom SMS sender: with TriggerFunctions.CustomSMSSender set, every SMS delivery goes to
// it. The event is built by cognito-local's custom email sender path (same encryption, same shape), sent to the
// CustomSMSSender function with the SMS type and source.
'use strict';

const SMS_TYPE = 'customSMSSenderRequestV1';

exports.apply = (env) => {
  const { LambdaService } = env.lib('services/lambda');
  const { MessagesService } = env.lib('services/messages');

  const createLambdaEvent = LambdaService.prototype.createLambdaEvent;
  LambdaService.prototype.createLambdaEvent = function createSmsEvent(event) {
    if (!String(event.triggerSource).startsWith('CustomSMSSender_')) return createLambdaEvent.call(this, event);
    const shaped = createLambdaEvent.call(this, { ...event, triggerSource: 'CustomEmailSender_SignUp' });
    return { ...shaped, triggerSource: event.triggerSource, request: { ...shaped.request, type: SMS_TYPE } };
  };

  const invoke = LambdaService.prototype.invoke;
  LambdaService.prototype.invoke = function invokeSmsSender(ctx, trigger, event) {
    const sms = trigger === 'CustomEmailSender' && String(event && event.triggerSource).startsWith('CustomSMSSender_');
    return invoke.call(this, ctx, sms ? 'CustomSMSSender' : trigger, event);
  };

  const deliver = MessagesService.prototype.deliver;
  MessagesService.prototype.deliver = function deliverSms(ctx, source, clientId, userPoolId, user, code, clientMetadata, deliveryDetails) {
    if (deliveryDetails?.DeliveryMedium !== 'SMS' || !this.triggers.enabled('CustomSMSSender')) {
      return deliver.call(this, ctx, source, clientId, userPoolId, user, code, clientMetadata, deliveryDetails);
    }
    // Through the custom email sender path so the code is encrypted exactly alike (encryption-context.js binds the pool).
    return this.triggers.customEmailSender({ ...ctx, userPoolId }, {
      clientId: clientId ?? 'CLIENT_ID_NOT_APPLICABLE',
      clientMetadata,
      code,
      source: `CustomSMSSender_${source}`,
      userAttributes: user.Attributes,
      username: user.Username,
      userPoolId,
    });
  };
};
