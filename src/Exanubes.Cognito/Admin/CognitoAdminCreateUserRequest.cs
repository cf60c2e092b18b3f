namespace Exanubes.Cognito;

/// <summary>A user to create with <see cref="ICognitoAdminService.CreateUserAsync"/>.</summary>
/// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminCreateUser.html"/>.</remarks>
public sealed class CognitoAdminCreateUserRequest
{
    /// <summary>The user name. Required.</summary>
    public required string Username { get; init; }

    /// <summary>The temporary password; default <see langword="null"/>: Cognito generates one. Never logged.</summary>
    public string? TemporaryPassword { get; init; }

    /// <summary>User attributes such as <c>email</c>. Default: none.</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    /// <summary>
    /// <c>SUPPRESS</c> to send no invitation, <c>RESEND</c> to resend it to an existing user; default
    /// <see langword="null"/>: Cognito sends the invitation.
    /// </summary>
    public string? MessageAction { get; init; }

    /// <summary>Where to send the invitation, <c>EMAIL</c> and/or <c>SMS</c>; default: Cognito's default (SMS).</summary>
    public IReadOnlyList<string>? DesiredDeliveryMediums { get; init; }

    /// <summary>Client metadata passed to the Lambda triggers. Default: none.</summary>
    public IReadOnlyDictionary<string, string>? ClientMetadata { get; init; }
}
