namespace Exanubes.Cognito;

/// <summary>A new user for <see cref="ICognitoAuthService.SignUpAsync"/>.</summary>
/// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html"/>.</remarks>
public sealed class CognitoSignUpRequest
{
    /// <summary>The user name (or email/phone when the pool uses them as user name). Required.</summary>
    public required string Username { get; init; }

    /// <summary>The password. Required; never logged.</summary>
    public required string Password { get; init; }

    /// <summary>User attributes such as <c>email</c>, <c>name</c> or <c>custom:tenant</c>. Default: none.</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    /// <summary>Validation data passed to the pre sign-up Lambda trigger. Default: none.</summary>
    public IReadOnlyDictionary<string, string>? ValidationData { get; init; }

    /// <summary>Client metadata passed to the Lambda triggers this action invokes. Default: none.</summary>
    public IReadOnlyDictionary<string, string>? ClientMetadata { get; init; }
}
