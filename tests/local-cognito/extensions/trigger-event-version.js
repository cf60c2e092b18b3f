// Trigger events carry the documented `version`. cognito-local 5.3.0 sends "0" in every Lambda trigger event; Cognito
// sends "1" (developer guide, "Customizing user pool workflows with Lambda triggers", shared parameters: "version: The
// version number of your Lambda function", "1" in every documented example). The pre token generation trigger sends
// the version of its LambdaConfig.PreTokenGenerationConfig.LambdaVersion (developer guide, "Pre token generation
// Lambda trigger": V1_0, V2_0, V3_0); this emulator's TriggerFunctions has no version, so LOCAL_COGNITO_PRE_TOKEN_VERSION
// (1, 2 or 3; default 1) stands for it. Versions 2 and 3 also carry `request.scopes` (the access token's scopes) and are
// answered with claimsAndScopeOverrideDetails, which pre-token-generation-v2.js applies.
'use strict';

exports.preTokenVersion = () => {
  const v = process.env.LOCAL_COGNITO_PRE_TOKEN_VERSION || '1';
  if (!['1', '2', '3'].includes(v)) throw new Error(`LOCAL_COGNITO_PRE_TOKEN_VERSION is '${v}'; use 1, 2 or 3`);
  return v;
};

exports.apply = (env) => {
  const { LambdaService } = env.lib('services/lambda');
  const createLambdaEvent = LambdaService.prototype.createLambdaEvent;
  LambdaService.prototype.createLambdaEvent = function createDocumentedEvent(event) {
    const lambdaEvent = createLambdaEvent.call(this, event);
    if (!String(lambdaEvent.triggerSource).startsWith('TokenGeneration_')) return { ...lambdaEvent, version: '1' };
    const version = exports.preTokenVersion();
    if (version === '1') return { ...lambdaEvent, version };
    return {
      ...lambdaEvent,
      version,
      request: { ...lambdaEvent.request, scopes: event.scopes ?? ['aws.cognito.signin.user.admin'] },
      response: { claimsAndScopeOverrideDetails: null },
    };
  };
};
