// Trigger source CustomEmailSender_Authentication (developer guide, "Custom email sender Lambda trigger", trigger
// sources: CustomEmailSender_Authentication "sends a ... one-time code" for sign-in, e.g. the USER_AUTH EMAIL_OTP
// code). cognito-local 5.3.0's LambdaService builds events for the other CustomEmailSender sources only; this one gets
// the same customEmailSenderRequestV1 event (encrypted code, userAttributes, clientMetadata).
'use strict';
exports.apply = (env) => {
  const { LambdaService } = env.lib('services/lambda');
  const createLambdaEvent = LambdaService.prototype.createLambdaEvent;
  LambdaService.prototype.createLambdaEvent = function (event) {
    if (event.triggerSource !== 'CustomEmailSender_Authentication') return createLambdaEvent.call(this, event);
    const shaped = createLambdaEvent.call(this, { ...event, triggerSource: 'CustomEmailSender_SignUp' });
    return { ...shaped, triggerSource: 'CustomEmailSender_Authentication' };
  };
};
