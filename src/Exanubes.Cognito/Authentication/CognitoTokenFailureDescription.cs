using Exanubes.Cognito.Tokens;

namespace Exanubes.Cognito.Authentication;

/// <summary>
/// The <c>error_description</c> of a rejected bearer token: the failed check without expected or actual values,
/// which would tell an unauthenticated caller which pools, issuers and app clients are accepted.
/// </summary>
internal static class CognitoTokenFailureDescription
{
    public static string Of(CognitoTokenValidationException failure, bool detailed) => detailed ? failure.Message : failure switch
    {
        CognitoTokenMalformedException => "token malformed",
        CognitoTokenAlgorithmException => "algorithm not accepted",
        CognitoSigningKeyNotFoundException => "signing key not found",
        CognitoSigningKeyException => "signing key not usable",
        CognitoTokenSignatureException => "signature invalid",
        CognitoTokenIssuerException => "issuer not accepted",
        CognitoTokenUseException => "token_use not accepted",
        CognitoTokenClientException => "app client not accepted",
        CognitoTokenExpiredException => "token expired",
        CognitoTokenNotYetValidException => "token not yet valid",
        CognitoTokenLifetimeException => "token lifetime not accepted",
        CognitoTokenGroupException => "required group missing",
        CognitoTokenScopeException => "required scope missing",
        CognitoTokenRevokedException => "token revoked",
        _ => "token rejected",
    };
}
