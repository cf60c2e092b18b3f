namespace Exanubes.Cognito.Tokens;

/// <summary>
/// The two issuer forms of a Cognito user pool (Cognito API reference, <c>IssuerConfigurationType</c>). Both are
/// accepted by default; <see cref="CognitoUserPoolTokenOptions.IssuerForm"/> pins one.
/// </summary>
public enum CognitoIssuerForm
{
    /// <summary><c>https://cognito-idp.{region}.{dns-suffix}/{userPoolId}</c>: the form of pools created before the updated issuer.</summary>
    Original,

    /// <summary><c>https://issuer-cognito-idp.{region}.{dns-suffix}/{userPoolId}</c>: the form AWS recommends for all user pools.</summary>
    Updated,
}
