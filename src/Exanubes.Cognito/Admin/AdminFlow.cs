using Exanubes.Cognito.IdentityProvider;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.Admin;

/// <summary>Administration of the configured pool: the SigV4-signed <c>Admin*</c> actions.</summary>
internal sealed class AdminFlow
{
    private const int MaxGroupPages = 100;

    private readonly CognitoIdentityProviderClient _client;
    private readonly IOptions<CognitoAuthOptions> _options;

    public AdminFlow(CognitoIdentityProviderClient client, IOptions<CognitoAuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _options = options;
    }

    private string PoolId => _options.Value.UserPoolId;

    public async Task<CognitoResult<CognitoUser>> GetUserAsync(string username, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        var result = await _client.SendAsync(AdminGetUserRequest.Action, new AdminGetUserRequest { UserPoolId = PoolId, Username = username }, cancellationToken).ConfigureAwait(false);
        return result.Map(CognitoResultMapping.ToUser);
    }

    public async Task<CognitoResult<CognitoUser>> CreateUserAsync(CognitoAdminCreateUserRequest request, CognitoCallContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.Username, "request.Username");
        var result = await _client.SendAsync(AdminCreateUserRequest.Action,
            new AdminCreateUserRequest
            {
                UserPoolId = PoolId,
                Username = request.Username,
                TemporaryPassword = request.TemporaryPassword,
                UserAttributes = CognitoResultMapping.ToAttributes(request.Attributes),
                MessageAction = request.MessageAction,
                DesiredDeliveryMediums = request.DesiredDeliveryMediums?.ToList(),
                ClientMetadata = CognitoResultMapping.ToMetadata(request.ClientMetadata),
            },
            context,
            cancellationToken).ConfigureAwait(false);
        return result.Map(r => CognitoResultMapping.ToUser(r.User));
    }

    public async Task<CognitoResult> ConfirmSignUpAsync(string username, CognitoCallContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        var result = await _client.SendAsync(AdminConfirmSignUpRequest.Action, new AdminConfirmSignUpRequest { UserPoolId = PoolId, Username = username }, context, cancellationToken).ConfigureAwait(false);
        return result.ToResult();
    }

    public async Task<CognitoResult> DeleteUserAsync(string username, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        var result = await _client.SendAsync(AdminDeleteUserRequest.Action, new AdminDeleteUserRequest { UserPoolId = PoolId, Username = username }, cancellationToken).ConfigureAwait(false);
        return result.ToResult();
    }

    public async Task<CognitoResult> AddUserToGroupAsync(string username, string groupName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(groupName);
        var result = await _client.SendAsync(AdminAddUserToGroupRequest.Action,
            new AdminAddUserToGroupRequest { UserPoolId = PoolId, Username = username, GroupName = groupName }, cancellationToken).ConfigureAwait(false);
        return result.ToResult();
    }

    public async Task<CognitoResult> RemoveUserFromGroupAsync(string username, string groupName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(groupName);
        var result = await _client.SendAsync(AdminRemoveUserFromGroupRequest.Action,
            new AdminRemoveUserFromGroupRequest { UserPoolId = PoolId, Username = username, GroupName = groupName }, cancellationToken).ConfigureAwait(false);
        return result.ToResult();
    }

    public async Task<CognitoResult<IReadOnlyList<CognitoGroup>>> ListGroupsForUserAsync(string username, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        var groups = new List<CognitoGroup>();
        string? nextToken = null;
        for (var page = 0; page < MaxGroupPages; page++)
        {
            var result = await _client.SendAsync(AdminListGroupsForUserRequest.Action,
                new AdminListGroupsForUserRequest { UserPoolId = PoolId, Username = username, NextToken = nextToken }, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return CognitoResult<IReadOnlyList<CognitoGroup>>.Failure(result.Error);
            }

            groups.AddRange((result.Value.Groups ?? []).Select(CognitoResultMapping.ToGroup));
            nextToken = result.Value.NextToken;
            if (string.IsNullOrEmpty(nextToken))
            {
                break;
            }
        }

        return CognitoResult<IReadOnlyList<CognitoGroup>>.Success(groups);
    }

    public async Task<CognitoResult> ResetUserPasswordAsync(string username, CognitoCallContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        var result = await _client.SendAsync(AdminResetUserPasswordRequest.Action, new AdminResetUserPasswordRequest { UserPoolId = PoolId, Username = username }, context, cancellationToken).ConfigureAwait(false);
        return result.ToResult();
    }

    public async Task<CognitoResult> UserGlobalSignOutAsync(string username, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        var result = await _client.SendAsync(AdminUserGlobalSignOutRequest.Action, new AdminUserGlobalSignOutRequest { UserPoolId = PoolId, Username = username }, cancellationToken).ConfigureAwait(false);
        return result.ToResult();
    }

    public async Task<CognitoResult> SetUserPasswordAsync(string username, string password, bool permanent, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(password);
        var result = await _client.SendAsync(
            AdminSetUserPasswordRequest.Action,
            new AdminSetUserPasswordRequest { UserPoolId = PoolId, Username = username, Password = password, Permanent = permanent },
            cancellationToken).ConfigureAwait(false);
        return result.ToResult();
    }
}
