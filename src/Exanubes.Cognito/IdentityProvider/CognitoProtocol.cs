namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The constants of the Cognito Identity Provider JSON 1.1 protocol.</summary>
internal static class CognitoProtocol
{
    /// <summary>The service prefix of <c>X-Amz-Target</c>.</summary>
    public const string TargetPrefix = "AWSCognitoIdentityProviderService.";

    /// <summary>The content type of the JSON 1.1 protocol.</summary>
    public const string ContentType = "application/x-amz-json-1.1";

    /// <summary>The SigV4 service name.</summary>
    public const string SigningService = "cognito-idp";
}
