using System.Net;
using Exanubes.Cognito.IdentityProvider;

namespace Exanubes.Cognito.Tests.IdentityProvider;

public sealed class CognitoRetryPolicyTests
{
    private static readonly string[] Retryable =
    [
        "GetUser", "AdminGetUser", "AdminListGroupsForUser", "GlobalSignOut", "AdminUserGlobalSignOut", "RevokeToken",
        "AdminAddUserToGroup", "AdminRemoveUserFromGroup",
        "GetUserAuthFactors", "ListWebAuthnCredentials", "ListDevices", "GetDevice", "UpdateDeviceStatus",
    ];

    public static TheoryData<string> RetryableActions => [.. Retryable];

    private static readonly string[] NeverRetried =
    [
        "SignUp", "ConfirmSignUp", "ResendConfirmationCode", "InitiateAuth", "RespondToAuthChallenge", "ForgotPassword",
        "ConfirmForgotPassword", "ChangePassword", "UpdateUserAttributes", "VerifyUserAttribute",
        "GetUserAttributeVerificationCode", "DeleteUser", "GetTokensFromRefreshToken", "AdminCreateUser",
        "AdminConfirmSignUp", "AdminDeleteUser", "AdminResetUserPassword", "AdminSetUserPassword", "AssociateSoftwareToken", "VerifySoftwareToken",
        "SetUserMFAPreference",
        "StartWebAuthnRegistration", "CompleteWebAuthnRegistration", "DeleteWebAuthnCredential", "ConfirmDevice", "ForgetDevice",
    ];

    public static TheoryData<string> NonRetryableActions => [.. NeverRetried];

    [Fact]
    public void Descriptors_RetryableFlag_MatchesTheListsAbove()
    {
        var retryable = Retryable.ToHashSet(StringComparer.Ordinal);
        var never = NeverRetried.ToHashSet(StringComparer.Ordinal);
        var descriptors = ActionDescriptors.All;

        Assert.Equal(descriptors.Select(d => d.Name).Order(StringComparer.Ordinal), retryable.Concat(never).Order(StringComparer.Ordinal));
        Assert.All(descriptors, d => Assert.True(d.Retryable == retryable.Contains(d.Name), $"{d.Name}.Retryable is {d.Retryable}"));
    }

    [Theory]
    [MemberData(nameof(RetryableActions))]
    public async Task RetryableAction_Throttled_IsRetriedUntilSuccess(string action)
    {
        var calls = 0;
        await using var host = WireTestHost.Create(_ => ++calls switch
        {
            1 => FakeCognitoHandler.Fixture("Error.TooManyRequests.json", HttpStatusCode.BadRequest),
            2 => FakeCognitoHandler.Fixture("Error.InternalError.json", HttpStatusCode.InternalServerError),
            _ => FakeCognitoHandler.Fixture("Empty.json"),
        });

        var succeeded = await Call(host.Client, action);

        Assert.True(succeeded);
        Assert.Equal(3, host.Handler.Requests.Count);
        Assert.All(host.Handler.Requests, r => Assert.Equal("AWSCognitoIdentityProviderService." + action, r.Headers["X-Amz-Target"]));
        Assert.Equal(2, host.Logs.GetSnapshot().Count(r => r.Id.Id == 1003));
    }

    [Theory]
    [MemberData(nameof(NonRetryableActions))]
    public async Task NonRetryableAction_ThrottledOr5xx_IsSentOnceAndFails(string action)
    {
        Assert.False(ActionDescriptors.Named(action).Retryable);
        await using var host = WireTestHost.Create(_ => FakeCognitoHandler.Fixture("Error.InternalError.json", HttpStatusCode.ServiceUnavailable));

        var succeeded = await Call(host.Client, action);

        Assert.False(succeeded);
        Assert.Single(host.Handler.Requests);
    }

    [Fact]
    public async Task RetryableAction_ExpectedError_IsNotRetried()
    {
        await using var host = WireTestHost.Create(_ => FakeCognitoHandler.Fixture("Error.NotAuthorized.json", HttpStatusCode.BadRequest));

        var result = await host.Client.SendAsync(GetUserRequest.Action, new GetUserRequest { AccessToken = "at" }, default);

        Assert.Equal(CognitoErrorCode.NotAuthorized, result.Error?.Code);
        Assert.Single(host.Handler.Requests);
    }

    [Fact]
    public async Task RetryableAction_AlwaysThrottled_GivesUpAfterMaxAttemptsWithTypedError()
    {
        await using var host = WireTestHost.Create(_ => FakeCognitoHandler.Fixture("Error.TooManyRequests.json", HttpStatusCode.BadRequest));

        var result = await host.Client.SendAsync(GetUserRequest.Action, new GetUserRequest { AccessToken = "at" }, default);

        Assert.Equal(CognitoErrorCode.TooManyRequests, result.Error?.Code);
        Assert.Equal(1 + 3, host.Handler.Requests.Count);
    }

    [Fact]
    public async Task RetryableAction_TransportFailure_IsRetried()
    {
        var calls = 0;
        await using var host = WireTestHost.Create(_ => ++calls == 1 ? throw new HttpRequestException("connection reset") : FakeCognitoHandler.Fixture("Empty.json"));

        var result = await host.Client.SendAsync(GlobalSignOutRequest.Action, new GlobalSignOutRequest { AccessToken = "at" }, default);

        Assert.True(result.Succeeded);
        Assert.Equal(2, host.Handler.Requests.Count);
    }

    [Fact]
    public async Task NonRetryableAction_TransportFailure_Throws()
    {
        await using var host = WireTestHost.Create(_ => throw new HttpRequestException("connection reset"));

        await Assert.ThrowsAsync<HttpRequestException>(() => host.Client.SendAsync(SignUpRequest.Action, new SignUpRequest { ClientId = "cid", Username = "ada" }, default));
        Assert.Single(host.Handler.Requests);
    }

    private static async Task<bool> Call(CognitoIdentityProviderClient c, string action)
    {
        const string pool = WireTestHost.PoolId;
        return action switch
        {
            "SignUp" => (await c.SendAsync(SignUpRequest.Action, new SignUpRequest { ClientId = "cid", Username = "ada" }, default)).Succeeded,
            "ConfirmSignUp" => (await c.SendAsync(ConfirmSignUpRequest.Action, new ConfirmSignUpRequest { ClientId = "cid", Username = "ada" }, default)).Succeeded,
            "ResendConfirmationCode" => (await c.SendAsync(ResendConfirmationCodeRequest.Action, new ResendConfirmationCodeRequest { ClientId = "cid", Username = "ada" }, default)).Succeeded,
            "InitiateAuth" => (await c.SendAsync(InitiateAuthRequest.Action, new InitiateAuthRequest { ClientId = "cid", AuthFlow = "USER_PASSWORD_AUTH" }, default)).Succeeded,
            "RespondToAuthChallenge" => (await c.SendAsync(RespondToAuthChallengeRequest.Action, new RespondToAuthChallengeRequest { ClientId = "cid", ChallengeName = "SMS_MFA" }, default)).Succeeded,
            "ForgotPassword" => (await c.SendAsync(ForgotPasswordRequest.Action, new ForgotPasswordRequest { ClientId = "cid", Username = "ada" }, default)).Succeeded,
            "ConfirmForgotPassword" => (await c.SendAsync(ConfirmForgotPasswordRequest.Action, new ConfirmForgotPasswordRequest { ClientId = "cid", Username = "ada" }, default)).Succeeded,
            "ChangePassword" => (await c.SendAsync(ChangePasswordRequest.Action, new ChangePasswordRequest { AccessToken = "at" }, default)).Succeeded,
            "GetUser" => (await c.SendAsync(GetUserRequest.Action, new GetUserRequest { AccessToken = "at" }, default)).Succeeded,
            "UpdateUserAttributes" => (await c.SendAsync(UpdateUserAttributesRequest.Action, new UpdateUserAttributesRequest { AccessToken = "at" }, default)).Succeeded,
            "VerifyUserAttribute" => (await c.SendAsync(VerifyUserAttributeRequest.Action, new VerifyUserAttributeRequest { AccessToken = "at" }, default)).Succeeded,
            "GetUserAttributeVerificationCode" => (await c.SendAsync(GetUserAttributeVerificationCodeRequest.Action, new GetUserAttributeVerificationCodeRequest { AccessToken = "at" }, default)).Succeeded,
            "GlobalSignOut" => (await c.SendAsync(GlobalSignOutRequest.Action, new GlobalSignOutRequest { AccessToken = "at" }, default)).Succeeded,
            "RevokeToken" => (await c.SendAsync(RevokeTokenRequest.Action, new RevokeTokenRequest { Token = "rt", ClientId = "cid" }, default)).Succeeded,
            "DeleteUser" => (await c.SendAsync(DeleteUserRequest.Action, new DeleteUserRequest { AccessToken = "at" }, default)).Succeeded,
            "GetTokensFromRefreshToken" => (await c.SendAsync(GetTokensFromRefreshTokenRequest.Action, new GetTokensFromRefreshTokenRequest { RefreshToken = "rt", ClientId = "cid" }, default)).Succeeded,
            "AssociateSoftwareToken" => (await c.SendAsync(AssociateSoftwareTokenRequest.Action, new AssociateSoftwareTokenRequest { AccessToken = "at" }, default)).Succeeded,
            "VerifySoftwareToken" => (await c.SendAsync(VerifySoftwareTokenRequest.Action, new VerifySoftwareTokenRequest { UserCode = "123456", AccessToken = "at" }, default)).Succeeded,
            "SetUserMFAPreference" => (await c.SendAsync(SetUserMFAPreferenceRequest.Action, new SetUserMFAPreferenceRequest { AccessToken = "at" }, default)).Succeeded,
            "AdminGetUser" => (await c.SendAsync(AdminGetUserRequest.Action, new AdminGetUserRequest { UserPoolId = pool, Username = "ada" }, default)).Succeeded,
            "AdminCreateUser" => (await c.SendAsync(AdminCreateUserRequest.Action, new AdminCreateUserRequest { UserPoolId = pool, Username = "ada" }, default)).Succeeded,
            "AdminConfirmSignUp" => (await c.SendAsync(AdminConfirmSignUpRequest.Action, new AdminConfirmSignUpRequest { UserPoolId = pool, Username = "ada" }, default)).Succeeded,
            "AdminDeleteUser" => (await c.SendAsync(AdminDeleteUserRequest.Action, new AdminDeleteUserRequest { UserPoolId = pool, Username = "ada" }, default)).Succeeded,
            "AdminAddUserToGroup" => (await c.SendAsync(AdminAddUserToGroupRequest.Action, new AdminAddUserToGroupRequest { UserPoolId = pool, Username = "ada", GroupName = "g" }, default)).Succeeded,
            "AdminRemoveUserFromGroup" => (await c.SendAsync(AdminRemoveUserFromGroupRequest.Action, new AdminRemoveUserFromGroupRequest { UserPoolId = pool, Username = "ada", GroupName = "g" }, default)).Succeeded,
            "AdminListGroupsForUser" => (await c.SendAsync(AdminListGroupsForUserRequest.Action, new AdminListGroupsForUserRequest { UserPoolId = pool, Username = "ada" }, default)).Succeeded,
            "AdminResetUserPassword" => (await c.SendAsync(AdminResetUserPasswordRequest.Action, new AdminResetUserPasswordRequest { UserPoolId = pool, Username = "ada" }, default)).Succeeded,
            "AdminSetUserPassword" => (await c.SendAsync(AdminSetUserPasswordRequest.Action, new AdminSetUserPasswordRequest { UserPoolId = pool, Username = "ada", Password = "pw" }, default)).Succeeded,
            "AdminUserGlobalSignOut" => (await c.SendAsync(AdminUserGlobalSignOutRequest.Action, new AdminUserGlobalSignOutRequest { UserPoolId = pool, Username = "ada" }, default)).Succeeded,
            "GetUserAuthFactors" => (await c.SendAsync(GetUserAuthFactorsRequest.Action, new GetUserAuthFactorsRequest { AccessToken = "at" }, default)).Succeeded,
            "StartWebAuthnRegistration" => (await c.SendAsync(StartWebAuthnRegistrationRequest.Action, new StartWebAuthnRegistrationRequest { AccessToken = "at" }, default)).Succeeded,
            "CompleteWebAuthnRegistration" => (await c.SendAsync(CompleteWebAuthnRegistrationRequest.Action, new CompleteWebAuthnRegistrationRequest { AccessToken = "at", Credential = System.Text.Json.JsonDocument.Parse("{}").RootElement }, default)).Succeeded,
            "ListWebAuthnCredentials" => (await c.SendAsync(ListWebAuthnCredentialsRequest.Action, new ListWebAuthnCredentialsRequest { AccessToken = "at" }, default)).Succeeded,
            "DeleteWebAuthnCredential" => (await c.SendAsync(DeleteWebAuthnCredentialRequest.Action, new DeleteWebAuthnCredentialRequest { AccessToken = "at", CredentialId = "c" }, default)).Succeeded,
            "ConfirmDevice" => (await c.SendAsync(ConfirmDeviceRequest.Action, new ConfirmDeviceRequest { AccessToken = "at", DeviceKey = "k" }, default)).Succeeded,
            "ForgetDevice" => (await c.SendAsync(ForgetDeviceRequest.Action, new ForgetDeviceRequest { AccessToken = "at", DeviceKey = "k" }, default)).Succeeded,
            "ListDevices" => (await c.SendAsync(ListDevicesRequest.Action, new ListDevicesRequest { AccessToken = "at" }, default)).Succeeded,
            "GetDevice" => (await c.SendAsync(GetDeviceRequest.Action, new GetDeviceRequest { AccessToken = "at", DeviceKey = "k" }, default)).Succeeded,
            "UpdateDeviceStatus" => (await c.SendAsync(UpdateDeviceStatusRequest.Action, new UpdateDeviceStatusRequest { AccessToken = "at", DeviceKey = "k" }, default)).Succeeded,
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "no call for this action"),
        };
    }
}
