using Exanubes.Cognito.IdentityProvider;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.Admin;

/// <summary>The <see cref="ICognitoAdminService"/>: a thin facade over <see cref="AdminFlow"/>.</summary>
internal sealed class CognitoAdminService : ICognitoAdminService
{
    private readonly AdminFlow _admin;

    public CognitoAdminService(CognitoIdentityProviderClient client, IOptions<CognitoAuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _admin = new AdminFlow(client, options);
    }

    public Task<CognitoResult<CognitoUser>> GetUserAsync(string username, CancellationToken cancellationToken)
        => _admin.GetUserAsync(username, cancellationToken);

    public Task<CognitoResult<CognitoUser>> CreateUserAsync(CognitoAdminCreateUserRequest request, CognitoCallContext? context, CancellationToken cancellationToken)
        => _admin.CreateUserAsync(request, context, cancellationToken);

    public Task<CognitoResult> ConfirmSignUpAsync(string username, CognitoCallContext? context, CancellationToken cancellationToken)
        => _admin.ConfirmSignUpAsync(username, context, cancellationToken);

    public Task<CognitoResult> DeleteUserAsync(string username, CancellationToken cancellationToken)
        => _admin.DeleteUserAsync(username, cancellationToken);

    public Task<CognitoResult> AddUserToGroupAsync(string username, string groupName, CancellationToken cancellationToken)
        => _admin.AddUserToGroupAsync(username, groupName, cancellationToken);

    public Task<CognitoResult> RemoveUserFromGroupAsync(string username, string groupName, CancellationToken cancellationToken)
        => _admin.RemoveUserFromGroupAsync(username, groupName, cancellationToken);

    public Task<CognitoResult<IReadOnlyList<CognitoGroup>>> ListGroupsForUserAsync(string username, CancellationToken cancellationToken)
        => _admin.ListGroupsForUserAsync(username, cancellationToken);

    public Task<CognitoResult> ResetUserPasswordAsync(string username, CognitoCallContext? context, CancellationToken cancellationToken)
        => _admin.ResetUserPasswordAsync(username, context, cancellationToken);

    public Task<CognitoResult> UserGlobalSignOutAsync(string username, CancellationToken cancellationToken)
        => _admin.UserGlobalSignOutAsync(username, cancellationToken);

    public Task<CognitoResult> SetUserPasswordAsync(string username, string password, bool permanent, CancellationToken cancellationToken)
        => _admin.SetUserPasswordAsync(username, password, permanent, cancellationToken);
}
