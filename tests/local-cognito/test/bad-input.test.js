// Bad input to the targets this emulator adds gets a typed Cognito error (HTTP 400, an error code the model lists for
// that action), never a 500 and never success.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const model = require('./support/passkeys-model');
const { withEmulator, createPool, createUser } = require('./support/passkeys-emulator');

async function raw(emu, target, body) {
  const res = await fetch(emu.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${target}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: JSON.parse((await res.text()) || '{}') };
}

test('malformed requests to the new targets are typed 400s from each action\'s modelled errors', async () => {
  await withEmulator({}, async (emu) => {
    const ids = await createPool(emu, {
      pool: { DeviceConfiguration: { ChallengeRequiredOnNewDevice: true }, Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'] } } },
      client: { ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH'] },
    });
    await emu.call('SetUserPoolMfaConfig', { UserPoolId: ids.poolId, WebAuthnConfiguration: { RelyingPartyId: 'localhost' } });
    const user = await createUser(emu, ids);
    const access = (await emu.call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: ids.clientId, AuthParameters: { USERNAME: user.email, PASSWORD: user.password } })).AuthenticationResult.AccessToken;
    const select = await emu.call('InitiateAuth', { AuthFlow: 'USER_AUTH', ClientId: ids.clientId, AuthParameters: { USERNAME: user.email } });
    const verifier = await emu.call('InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', ClientId: ids.clientId, AuthParameters: { USERNAME: user.email, SRP_A: 'ab12' } });
    await emu.call('StartWebAuthnRegistration', { AccessToken: access });
    const cases = [
      ['InitiateAuth', { AuthFlow: 'USER_AUTH', ClientId: ids.clientId }],
      ['InitiateAuth', { AuthFlow: 'USER_AUTH', ClientId: ids.clientId, AuthParameters: { USERNAME: 'nobody@example.com' } }],
      ['InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', ClientId: ids.clientId, AuthParameters: { USERNAME: user.email, SRP_A: 'not hex' } }],
      ['InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', ClientId: 'no-such-client', AuthParameters: { USERNAME: user.email, SRP_A: 'ab' } }],
      ['InitiateAuth', { AuthFlow: 'USER_AUTH', ClientId: ids.clientId, AuthParameters: { USERNAME: user.email }, Session: 'y'.repeat(30) }],
      ['RespondToAuthChallenge', { ClientId: ids.clientId, ChallengeName: 'SELECT_CHALLENGE', Session: select.Session, ChallengeResponses: { USERNAME: user.email } }],
      ['RespondToAuthChallenge', { ClientId: ids.clientId, ChallengeName: 'SELECT_CHALLENGE', Session: 'z'.repeat(30), ChallengeResponses: { USERNAME: user.email, ANSWER: 'PASSWORD' } }],
      ['RespondToAuthChallenge', { ClientId: ids.clientId, ChallengeName: 'PASSWORD_VERIFIER', Session: verifier.Session, ChallengeResponses: { USERNAME: user.username, TIMESTAMP: 'yesterday', PASSWORD_CLAIM_SIGNATURE: '%%%', PASSWORD_CLAIM_SECRET_BLOCK: 'x' } }],
      ['RespondToAuthChallenge', { ClientId: ids.clientId, ChallengeName: 'WEB_AUTHN', Session: select.Session, ChallengeResponses: { USERNAME: user.email, CREDENTIAL: '{not json' } }],
      ['RespondToAuthChallenge', { ClientId: ids.clientId, ChallengeName: 'DEVICE_SRP_AUTH', Session: select.Session, ChallengeResponses: { USERNAME: user.email, DEVICE_KEY: 'x', SRP_A: 'zz' } }],
      ['ConfirmDevice', { AccessToken: access, DeviceKey: 'local_00000000-0000-0000-0000-000000000000' }],
      ['ConfirmDevice', { AccessToken: 'garbage', DeviceKey: 'k' }],
      ['GetDevice', { DeviceKey: 'k' }],
      ['ListDevices', { AccessToken: access, Limit: 61 }],
      ['UpdateDeviceStatus', { AccessToken: access, DeviceKey: 'k', DeviceRememberedStatus: 'remembered' }],
      ['ForgetDevice', { AccessToken: access, DeviceKey: 'k' }],
      ['GetUserAuthFactors', {}],
      ['StartWebAuthnRegistration', { AccessToken: 'a.b.c' }],
      ['CompleteWebAuthnRegistration', { AccessToken: access, Credential: 'text' }],
      ['CompleteWebAuthnRegistration', { AccessToken: access, Credential: { id: 'x', response: { clientDataJSON: '!!', attestationObject: '??' } } }],
      ['ListWebAuthnCredentials', { AccessToken: access, NextToken: '***' }],
      ['DeleteWebAuthnCredential', { AccessToken: access }],
      ['SetUserPoolMfaConfig', { UserPoolId: ids.poolId, WebAuthnConfiguration: { FactorConfiguration: 'TWO' } }],
    ];
    for (const [target, body] of cases) {
      const { status, body: out } = await raw(emu, target, body);
      assert.equal(status, 400, `${target} ${JSON.stringify(body).slice(0, 120)} → ${status} ${JSON.stringify(out).slice(0, 200)}`);
      assert.ok(model.errorShapes(target).includes(out.__type), `${target}: ${out.__type} is one of its modelled errors`);
    }
  });
});
