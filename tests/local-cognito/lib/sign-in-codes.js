// One-time sign-in codes (EMAIL_OTP, SMS_OTP), kept on the user record (user.SignInCode) like cognito-local's MFA code,
// and their delivery through cognito-local's message path.
// - Delivery: Cognito sends the EMAIL_OTP code through the CustomEmailSender trigger with trigger source
//   CustomEmailSender_Authentication ("Custom email sender Lambda trigger": trigger sources), KMS-encrypted by
//   cognito-local's CryptoService (with the userpool-id encryption context, extensions/encryption-context.js), and the
//   InitiateAuth/RespondToAuthChallenge ClientMetadata goes with it. cognito-local's MessagesService.deliver never
//   sends "Authentication" codes to CustomEmailSender (only its MFA path uses that source), so the code is handed to
//   customDelivery directly. Without the trigger it goes to cognito-local's console sender.
// - SMS_OTP: CustomSMSSender_Authentication. HOOK: cognito-local 5.3.0 has no CustomSMSSender trigger; when a
//   TriggersService.customSmsSender(ctx, event) exists (the triggers work adds it) and the pool's CustomSMSSender is
//   configured, the code goes there; until then it goes to the console sender.
// - Check `code-expiry`: the code must be answered within its lifetime; Cognito's users answer each challenge "before
//   the session expires" (API reference, UserPoolClientType.AuthSessionValidity, default 3 minutes). A late code is
//   ExpiredCodeException (RespondToAuthChallenge errors). LOCAL_COGNITO_CODE_SECONDS sets the lifetime (default 180).
// - Check `code-single-use`: a code signs in once; it is cleared when used, and a second use is CodeMismatchException.
'use strict';

function lifetimeMs() {
  return Number(process.env.LOCAL_COGNITO_CODE_SECONDS || 180) * 1000;
}

function mask(medium, destination) {
  if (medium === 'EMAIL') {
    const [local, domain] = destination.split('@');
    return `${local[0]}***@${(domain || '?')[0]}***`;
  }
  return `+*******${destination.slice(-4)}`;
}

async function deliver(env, { services, ctx, userPool, client, user, medium, clientMetadata }) {
  const { attributeValue } = env.lib('services/userPoolService');
  const attributeName = medium === 'EMAIL' ? 'email' : 'phone_number';
  const destination = attributeValue(attributeName, user.Attributes);
  const code = services.otp();
  const details = { AttributeName: attributeName, DeliveryMedium: medium, Destination: destination };
  const poolId = userPool.options.Id;
  if (medium === 'EMAIL' && services.triggers.enabled('CustomEmailSender')) {
    await services.messages.customDelivery(ctx, 'Authentication', client.ClientId, poolId, user, code, clientMetadata);
  } else if (medium === 'SMS' && services.triggers.enabled('CustomSMSSender') && typeof services.triggers.customSmsSender === 'function') {
    await services.triggers.customSmsSender(ctx, {
      clientId: client.ClientId,
      clientMetadata,
      code,
      source: 'CustomSMSSender_Authentication',
      userAttributes: user.Attributes,
      username: user.Username,
      userPoolId: poolId,
    });
  } else {
    await services.messages.deliver(ctx, 'Authentication', client.ClientId, poolId, user, code, clientMetadata, details);
  }
  const fresh = await userPool.getUserByUsername(ctx, user.Username);
  await userPool.saveUser(ctx, { ...fresh, SignInCode: { Code: code, Medium: medium, IssuedAt: Date.now() } });
  return { CODE_DELIVERY_DELIVERY_MEDIUM: medium, CODE_DELIVERY_DESTINATION: mask(medium, destination) };
}

/** Throws unless `given` is the user's live code for this medium; clears it (check code-single-use). */
async function redeem(env, { ctx, userPool, user, medium, given }) {
  const { CodeMismatchError, ExpiredCodeError, InvalidParameterError } = env.errors;
  if (!given) throw new InvalidParameterError(`Missing required parameter ${medium}_OTP_CODE`);
  const fresh = await userPool.getUserByUsername(ctx, user.Username);
  const code = fresh.SignInCode;
  if (!code || code.Medium !== medium || code.Code !== given) throw new CodeMismatchError();
  if (env.enabled('code-expiry') && Date.now() - code.IssuedAt > lifetimeMs()) throw new ExpiredCodeError();
  if (env.enabled('code-single-use')) await userPool.saveUser(ctx, { ...fresh, SignInCode: undefined });
}

module.exports = { deliver, redeem, mask };
