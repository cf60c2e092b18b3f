// ListWebAuthnCredentials (API reference): the signed-in user's passkeys. Request: AccessToken, MaxResults
// (WebAuthnCredentialsQueryLimitType 0..20), NextToken; response: Credentials (WebAuthnCredentialDescription:
// CredentialId, FriendlyCredentialName, RelyingPartyId, AuthenticatorAttachment, AuthenticatorTransports, CreatedAt),
// NextToken.
'use strict';
const { authorize } = require('../lib/access-token');
const { page } = require('../lib/paging');

exports.apply = (env) => {
  env.Targets.ListWebAuthnCredentials = (services) => async (ctx, req) => {
    const { user } = await authorize(env, services, ctx, req.AccessToken);
    const all = user.WebAuthnCredentials || [];
    const { slice, next } = page(env, all, req.MaxResults, req.NextToken, 20);
    return {
      Credentials: slice.map((c) => ({
        CredentialId: c.CredentialId,
        FriendlyCredentialName: c.FriendlyCredentialName,
        RelyingPartyId: c.RelyingPartyId,
        AuthenticatorAttachment: c.AuthenticatorAttachment,
        AuthenticatorTransports: c.AuthenticatorTransports,
        CreatedAt: c.CreatedAt,
      })),
      NextToken: next,
    };
  };
};
