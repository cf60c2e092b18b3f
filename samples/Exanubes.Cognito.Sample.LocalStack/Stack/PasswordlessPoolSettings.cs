using System.Text.Json.Nodes;

namespace Exanubes.Cognito.Sample.LocalStack.Stack;

/// <summary>
/// The demo pool's sign-in settings for codes by email, passkeys and remembered devices, applied on every start (a pool
/// kept from an earlier run gets them too; applying them twice changes nothing):
/// <list type="bullet">
/// <item>choice-based sign-in: <c>Policies.SignInPolicy.AllowedFirstAuthFactors</c> PASSWORD, EMAIL_OTP, WEB_AUTHN and the
/// app client's <c>ALLOW_USER_AUTH</c>;</item>
/// <item>passkeys: <c>WebAuthnConfiguration.RelyingPartyId</c> <c>localhost</c>, the demo's origin host (a relying-party id
/// is a domain, never an IP address);</item>
/// <item>optional TOTP MFA, and device tracking remembered on the user's prompt (<c>DeviceConfiguration</c>), so "Remember
/// this device" at the MFA step lets the next sign-in from that browser skip MFA.</item>
/// </list>
/// UpdateUserPool and UpdateUserPoolClient reset what they are not given (API reference), so each call sends the
/// current settings back with ours merged in.
/// </summary>
internal static class PasswordlessPoolSettings
{
    /// <summary>The relying-party id the demo's passkeys are bound to.</summary>
    public const string RelyingPartyId = "localhost";

    private static readonly string[] FirstFactors = ["PASSWORD", "EMAIL_OTP", "WEB_AUTHN"];

    private static readonly string[] PoolKeys =
    [
        "AccountRecoverySetting", "AdminCreateUserConfig", "AutoVerifiedAttributes", "EmailConfiguration", "EmailVerificationMessage",
        "EmailVerificationSubject", "LambdaConfig", "SmsAuthenticationMessage", "SmsConfiguration", "SmsVerificationMessage",
        "UserAttributeUpdateSettings", "UserPoolAddOns", "VerificationMessageTemplate", "DeletionProtection", "UserPoolTier",
    ];

    private static readonly string[] ClientKeys =
    [
        "ClientName", "RefreshTokenValidity", "AccessTokenValidity", "IdTokenValidity", "TokenValidityUnits", "ReadAttributes",
        "WriteAttributes", "SupportedIdentityProviders", "CallbackURLs", "LogoutURLs", "DefaultRedirectURI", "AllowedOAuthFlows",
        "AllowedOAuthScopes", "AllowedOAuthFlowsUserPoolClient", "PreventUserExistenceErrors", "EnableTokenRevocation",
        "EnablePropagateAdditionalUserContextData", "AuthSessionValidity",
    ];

    public static async Task ApplyAsync(CognitoLocalClient admin, string userPoolId, string clientId, CancellationToken cancellationToken)
    {
        var pool = (await admin.CallAsync("DescribeUserPool", new JsonObject { ["UserPoolId"] = userPoolId }, cancellationToken).ConfigureAwait(false))["UserPool"]!.AsObject();
        var update = new JsonObject { ["UserPoolId"] = userPoolId };
        foreach (var key in PoolKeys)
        {
            if (pool[key] is { } value)
            {
                update[key] = value.DeepClone();
            }
        }

        // Sign-up with a phone number verifies it by SMS through the custom SMS sender (CognitoLocalClient.CreateUserPoolAsync
        // sets the same for a new pool); a pool from an earlier run gets it here.
        update["AutoVerifiedAttributes"] = new JsonArray("phone_number", "email");

        var policies = pool["Policies"]?.DeepClone().AsObject() ?? [];
        policies["SignInPolicy"] = new JsonObject { ["AllowedFirstAuthFactors"] = new JsonArray([.. FirstFactors.Select(f => JsonValue.Create(f))]) };
        update["Policies"] = policies;
        update["MfaConfiguration"] = "OPTIONAL";
        update["DeviceConfiguration"] = new JsonObject { ["ChallengeRequiredOnNewDevice"] = true, ["DeviceOnlyRememberedOnUserPrompt"] = true };
        await admin.CallAsync("UpdateUserPool", update, cancellationToken).ConfigureAwait(false);

        await admin.CallAsync("SetUserPoolMfaConfig", new JsonObject
        {
            ["UserPoolId"] = userPoolId,
            ["MfaConfiguration"] = "OPTIONAL",
            ["SoftwareTokenMfaConfiguration"] = new JsonObject { ["Enabled"] = true },
            ["WebAuthnConfiguration"] = new JsonObject { ["RelyingPartyId"] = RelyingPartyId, ["UserVerification"] = "preferred" },
        }, cancellationToken).ConfigureAwait(false);

        var client = (await admin.CallAsync("DescribeUserPoolClient", new JsonObject { ["UserPoolId"] = userPoolId, ["ClientId"] = clientId }, cancellationToken)
            .ConfigureAwait(false))["UserPoolClient"]!.AsObject();
        var flows = client["ExplicitAuthFlows"]?.AsArray().Select(f => f!.GetValue<string>()).ToList() ?? [];
        if (flows.Contains("ALLOW_USER_AUTH"))
        {
            return;
        }

        var clientUpdate = new JsonObject { ["UserPoolId"] = userPoolId, ["ClientId"] = clientId };
        foreach (var key in ClientKeys)
        {
            if (client[key] is { } value)
            {
                clientUpdate[key] = value.DeepClone();
            }
        }

        clientUpdate["ExplicitAuthFlows"] = new JsonArray([.. flows.Append("ALLOW_USER_AUTH").Select(f => JsonValue.Create(f))]);
        await admin.CallAsync("UpdateUserPoolClient", clientUpdate, cancellationToken).ConfigureAwait(false);
    }
}
