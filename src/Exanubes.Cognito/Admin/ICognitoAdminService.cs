namespace Exanubes.Cognito;

/// <summary>
/// Server-side administration of the configured user pool (Cognito's <c>Admin*</c> actions), signed with AWS
/// Signature V4. Registered by <c>AddCognitoAuth</c>.
/// </summary>
/// <remarks>
/// Calls are signed with the <see cref="Amazon.Runtime.AWSCredentials"/> registered in the service container, or else
/// with the AWS SDK's default credential chain (environment, profile, container or instance role); the caller needs
/// the matching <c>cognito-idp:Admin*</c> IAM permissions. Results and exceptions follow
/// <see cref="ICognitoAuthService"/>.
/// </remarks>
public interface ICognitoAdminService
{
    /// <summary>Reads a user (Cognito <c>AdminGetUser</c>).</summary>
    /// <param name="username">The user name or alias.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user with status and dates; or the error (for example <see cref="CognitoErrorCode.UserNotFound"/>).</returns>
    /// <remarks>Retried on throttling and 5xx. See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminGetUser.html"/>.</remarks>
    Task<CognitoResult<CognitoUser>> GetUserAsync(string username, CancellationToken cancellationToken = default);

    /// <summary>Creates a user with a temporary password (Cognito <c>AdminCreateUser</c>); the user must set a new password at first sign-in.</summary>
    /// <param name="request">The user.</param>
    /// <param name="context">The end user's context for this call: client metadata for your triggers, the IP and device data for threat protection (see <see cref="CognitoCallContext"/>); <see langword="null"/> (the default) sends none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created user; or the error (for example <see cref="CognitoErrorCode.UsernameExists"/>).</returns>
    /// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminCreateUser.html"/>.</remarks>
    Task<CognitoResult<CognitoUser>> CreateUserAsync(CognitoAdminCreateUserRequest request, CognitoCallContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>Confirms a user's sign-up without a code (Cognito <c>AdminConfirmSignUp</c>).</summary>
    /// <param name="username">The user name.</param>
    /// <param name="context">The end user's context for this call: client metadata for your triggers, the IP and device data for threat protection (see <see cref="CognitoCallContext"/>); <see langword="null"/> (the default) sends none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success, or the error.</returns>
    /// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminConfirmSignUp.html"/>.</remarks>
    Task<CognitoResult> ConfirmSignUpAsync(string username, CognitoCallContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a user (Cognito <c>AdminDeleteUser</c>).</summary>
    /// <param name="username">The user name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success, or the error (for example <see cref="CognitoErrorCode.UserNotFound"/>).</returns>
    /// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminDeleteUser.html"/>.</remarks>
    Task<CognitoResult> DeleteUserAsync(string username, CancellationToken cancellationToken = default);

    /// <summary>Adds a user to a group (Cognito <c>AdminAddUserToGroup</c>).</summary>
    /// <param name="username">The user name.</param>
    /// <param name="groupName">The group.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success, or the error (for example <see cref="CognitoErrorCode.ResourceNotFound"/>).</returns>
    /// <remarks>Retried on throttling and 5xx (idempotent). See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminAddUserToGroup.html"/>.</remarks>
    Task<CognitoResult> AddUserToGroupAsync(string username, string groupName, CancellationToken cancellationToken = default);

    /// <summary>Removes a user from a group (Cognito <c>AdminRemoveUserFromGroup</c>).</summary>
    /// <param name="username">The user name.</param>
    /// <param name="groupName">The group.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success, or the error.</returns>
    /// <remarks>Retried on throttling and 5xx (idempotent). See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminRemoveUserFromGroup.html"/>.</remarks>
    Task<CognitoResult> RemoveUserFromGroupAsync(string username, string groupName, CancellationToken cancellationToken = default);

    /// <summary>Lists a user's groups, following every page (Cognito <c>AdminListGroupsForUser</c>).</summary>
    /// <param name="username">The user name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The groups; or the error.</returns>
    /// <remarks>Retried on throttling and 5xx. See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminListGroupsForUser.html"/>.</remarks>
    Task<CognitoResult<IReadOnlyList<CognitoGroup>>> ListGroupsForUserAsync(string username, CancellationToken cancellationToken = default);

    /// <summary>Resets a user's password; Cognito sends a code and the user must set a new password (Cognito <c>AdminResetUserPassword</c>).</summary>
    /// <param name="username">The user name.</param>
    /// <param name="context">The end user's context for this call: client metadata for your triggers, the IP and device data for threat protection (see <see cref="CognitoCallContext"/>); <see langword="null"/> (the default) sends none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success, or the error.</returns>
    /// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminResetUserPassword.html"/>.</remarks>
    Task<CognitoResult> ResetUserPasswordAsync(string username, CognitoCallContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>Signs a user out everywhere (Cognito <c>AdminUserGlobalSignOut</c>).</summary>
    /// <param name="username">The user name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success, or the error.</returns>
    /// <remarks>Retried on throttling and 5xx (idempotent). See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminUserGlobalSignOut.html"/>.</remarks>
    Task<CognitoResult> UserGlobalSignOutAsync(string username, CancellationToken cancellationToken = default);

    /// <summary>Sets a user's password (Cognito <c>AdminSetUserPassword</c>).</summary>
    /// <param name="username">The user name.</param>
    /// <param name="password">The new password; never logged.</param>
    /// <param name="permanent">
    /// <see langword="true"/> to make it the user's password (a user in <c>FORCE_CHANGE_PASSWORD</c> becomes
    /// <c>CONFIRMED</c>); <see langword="false"/> to make it temporary, so the user must choose a new one at the next
    /// sign-in (<c>NEW_PASSWORD_REQUIRED</c>).
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success, or the error (for example <see cref="CognitoErrorCode.InvalidPassword"/>, <see cref="CognitoErrorCode.UserNotFound"/>).</returns>
    /// <exception cref="ArgumentException"><paramref name="username"/> or <paramref name="password"/> is empty.</exception>
    /// <remarks>
    /// Never retried: with a password-history policy a second run after a lost success would report a false failure.
    /// See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminSetUserPassword.html"/>.
    /// </remarks>
    Task<CognitoResult> SetUserPasswordAsync(string username, string password, bool permanent, CancellationToken cancellationToken = default);
}
