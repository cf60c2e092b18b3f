namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>X-Amz-Target</c> prefix and which actions may be retried.</summary>
internal static class CognitoActions
{
    /// <summary>The service prefix of <c>X-Amz-Target</c>.</summary>
    public const string TargetPrefix = "AWSCognitoIdentityProviderService.";

    /// <summary>The content type of the JSON 1.1 protocol.</summary>
    public const string ContentType = "application/x-amz-json-1.1";

    /// <summary>The SigV4 service name.</summary>
    public const string SigningService = "cognito-idp";

    /// <summary>
    /// Actions retried on throttling, 5xx and transport failures: reads (GetUser, AdminGetUser,
    /// AdminListGroupsForUser) and actions whose repetition leaves the same state (GlobalSignOut,
    /// AdminUserGlobalSignOut, RevokeToken, AdminAddUserToGroup, AdminRemoveUserFromGroup). Never retried: anything
    /// that sends a message or code (SignUp, ResendConfirmationCode, ForgotPassword, GetUserAttributeVerificationCode,
    /// UpdateUserAttributes, AdminCreateUser, AdminResetUserPassword), consumes a code, session or refresh token
    /// (ConfirmSignUp, ConfirmForgotPassword, VerifyUserAttribute, RespondToAuthChallenge,
    /// GetTokensFromRefreshToken, VerifySoftwareToken), issues a new secret that replaces one the user may already
    /// have scanned (AssociateSoftwareToken), counts toward lockout (InitiateAuth), or whose second run would report a
    /// false failure after a lost success or race a newer change (ChangePassword, DeleteUser, AdminDeleteUser,
    /// AdminConfirmSignUp, SetUserMFAPreference).
    /// </summary>
    public static readonly IReadOnlySet<string> Retryable = new HashSet<string>(StringComparer.Ordinal)
    {
        "GetUser",
        "AdminGetUser",
        "AdminListGroupsForUser",
        "GlobalSignOut",
        "AdminUserGlobalSignOut",
        "RevokeToken",
        "AdminAddUserToGroup",
        "AdminRemoveUserFromGroup",
    };
}
