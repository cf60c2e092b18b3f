using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Exanubes.Cognito.Sample.LocalStack.Stack;

/// <summary>
/// The few administrative Cognito calls the stack and its tests make against cognito-local (JSON 1.1, <c>X-Amz-Target:
/// AWSCognitoIdentityProviderService.*</c>): creating the pool, client and group, and managing group membership.
/// The demo itself never uses it: it talks to Cognito through <c>AddCognitoAuth</c>.
/// </summary>
public sealed class CognitoLocalClient(HttpClient http, Uri endpoint)
{
    /// <summary>Calls one action and returns its JSON answer; throws with Cognito's error type and message on failure.</summary>
    public async Task<JsonObject> CallAsync(string action, JsonObject request, CancellationToken cancellationToken = default)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint);
        message.Headers.Add("X-Amz-Target", "AWSCognitoIdentityProviderService." + action);
        message.Content = new StringContent(request.ToJsonString(), Encoding.UTF8);
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"cognito-local {action} failed ({(int)response.StatusCode}): {body}");
        }

        return string.IsNullOrWhiteSpace(body) ? [] : JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Whether the pool exists.</summary>
    public async Task<bool> PoolExistsAsync(string userPoolId, CancellationToken cancellationToken = default)
    {
        try
        {
            await CallAsync("DescribeUserPool", new JsonObject { ["UserPoolId"] = userPoolId }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Creates the demo pool (email as username; a phone number verified by SMS code when given, else the email) and returns its id.</summary>
    public async Task<string> CreateUserPoolAsync(string name, CancellationToken cancellationToken = default)
    {
        var response = await CallAsync("CreateUserPool", new JsonObject
        {
            ["PoolName"] = name,
            ["UsernameAttributes"] = new JsonArray("email"),
            // A user who signs up with a phone number verifies it by SMS (through the custom SMS sender); everyone else by email.
            ["AutoVerifiedAttributes"] = new JsonArray("phone_number", "email"),
        }, cancellationToken).ConfigureAwait(false);
        return response["UserPool"]!["Id"]!.GetValue<string>();
    }

    /// <summary>Creates a public app client (no secret) allowing password and refresh-token sign-in; returns its id.</summary>
    public async Task<string> CreateUserPoolClientAsync(string userPoolId, string name, CancellationToken cancellationToken = default)
    {
        var response = await CallAsync("CreateUserPoolClient", new JsonObject
        {
            ["UserPoolId"] = userPoolId,
            ["ClientName"] = name,
            ["ExplicitAuthFlows"] = new JsonArray("ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
        }, cancellationToken).ConfigureAwait(false);
        return response["UserPoolClient"]!["ClientId"]!.GetValue<string>();
    }

    /// <summary>Creates a group in the pool.</summary>
    public Task CreateGroupAsync(string userPoolId, string groupName, CancellationToken cancellationToken = default) =>
        CallAsync("CreateGroup", new JsonObject { ["UserPoolId"] = userPoolId, ["GroupName"] = groupName }, cancellationToken);

    /// <summary>Adds a user (username, sub or email) to a group.</summary>
    public Task AddUserToGroupAsync(string userPoolId, string username, string groupName, CancellationToken cancellationToken = default) =>
        CallAsync("AdminAddUserToGroup", new JsonObject { ["UserPoolId"] = userPoolId, ["Username"] = username, ["GroupName"] = groupName }, cancellationToken);

    /// <summary>Reads a user's status (UNCONFIRMED, CONFIRMED, ...).</summary>
    public async Task<string> GetUserStatusAsync(string userPoolId, string username, CancellationToken cancellationToken = default)
    {
        var response = await CallAsync("AdminGetUser", new JsonObject { ["UserPoolId"] = userPoolId, ["Username"] = username }, cancellationToken).ConfigureAwait(false);
        return response["UserStatus"]!.GetValue<string>();
    }
}
