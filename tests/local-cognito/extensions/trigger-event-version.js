// Trigger events carry the documented `version`. cognito-local 5.3.0 sends "0" in every Lambda trigger event; Cognito
// sends "1" (developer guide, "Customizing user pool workflows with Lambda triggers", shared parameters: "version: The
// version number of your Lambda function", "1" in every documented example), and the pre token generation trigger
// sends "1" for a V1_0 trigger (developer guide, "Pre token generation Lambda trigger": the event version follows
// LambdaVersion V1_0/V2_0/V3_0; this emulator configures V1_0 only, so "1").
'use strict';

exports.apply = (env) => {
  const { LambdaService } = env.lib('services/lambda');
  const createLambdaEvent = LambdaService.prototype.createLambdaEvent;
  LambdaService.prototype.createLambdaEvent = function createDocumentedEvent(event) {
    const lambdaEvent = createLambdaEvent.call(this, event);
    return { ...lambdaEvent, version: '1' };
  };
};
