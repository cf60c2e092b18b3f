using System.Net;
using Exanubes.Cognito.IdentityProvider;

namespace Exanubes.Cognito.Tests.IdentityProvider;

public sealed class CognitoRetryPolicyTests
{
    public static TheoryData<string> RetryableActions => [.. CognitoActions.Retryable];

    public static TheoryData<string> NonRetryableActions =>
    [
        "SignUp", "ConfirmSignUp", "ResendConfirmationCode", "InitiateAuth", "RespondToAuthChallenge", "ForgotPassword",
        "ConfirmForgotPassword", "ChangePassword", "UpdateUserAttributes", "VerifyUserAttribute",
        "GetUserAttributeVerificationCode", "DeleteUser", "GetTokensFromRefreshToken", "AdminCreateUser",
        "AdminConfirmSignUp", "AdminDeleteUser", "AdminResetUserPassword", "AssociateSoftwareToken", "VerifySoftwareToken",
        "SetUserMFAPreference",
    ];

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
        Assert.DoesNotContain(action, CognitoActions.Retryable);
        await using var host = WireTestHost.Create(_ => FakeCognitoHandler.Fixture("Error.InternalError.json", HttpStatusCode.ServiceUnavailable));

        var succeeded = await Call(host.Client, action);

        Assert.False(succeeded);
        Assert.Single(host.Handler.Requests);
    }

    [Fact]
    public async Task RetryableAction_ExpectedError_IsNotRetried()
    {
        await using var host = WireTestHost.Create(_ => FakeCognitoHandler.Fixture("Error.NotAuthorized.json", HttpStatusCode.BadRequest));

        var result = await host.Client.GetUserAsync(new GetUserRequest { AccessToken = "at" }, default);

        Assert.Equal(CognitoErrorCode.NotAuthorized, result.Error?.Code);
        Assert.Single(host.Handler.Requests);
    }

    [Fact]
    public async Task RetryableAction_AlwaysThrottled_GivesUpAfterMaxAttemptsWithTypedError()
    {
        await using var host = WireTestHost.Create(_ => FakeCognitoHandler.Fixture("Error.TooManyRequests.json", HttpStatusCode.BadRequest));

        var result = await host.Client.GetUserAsync(new GetUserRequest { AccessToken = "at" }, default);

        Assert.Equal(CognitoErrorCode.TooManyRequests, result.Error?.Code);
        Assert.Equal(1 + 3, host.Handler.Requests.Count);
    }

    [Fact]
    public async Task RetryableAction_TransportFailure_IsRetried()
    {
        var calls = 0;
        await using var host = WireTestHost.Create(_ => ++calls == 1 ? throw new HttpRequestException("connection reset") : FakeCognitoHandler.Fixture("Empty.json"));

        var result = await host.Client.GlobalSignOutAsync(new GlobalSignOutRequest { AccessToken = "at" }, default);

        Assert.True(result.Succeeded);
        Assert.Equal(2, host.Handler.Requests.Count);
    }

    [Fact]
    public async Task NonRetryableAction_TransportFailure_Throws()
    {
        await using var host = WireTestHost.Create(_ => throw new HttpRequestException("connection reset"));

        await Assert.ThrowsAsync<HttpRequestException>(() => host.Client.SignUpAsync(new SignUpRequest { ClientId = "cid", Username = "ada" }, default));
        Assert.Single(host.Handler.Requests);
    }

    private static async Task<bool> Call(CognitoIdentityProviderClient c, string action)
    {
        const string pool = WireTestHost.PoolId;
        return action switch
        {
            "SignUp" => (await c.SignUpAsync(new SignUpRequest { ClientId = "cid", Username = "ada" }, default)).Succeeded,
            "ConfirmSignUp" => (await c.ConfirmSignUpAsync(new ConfirmSignUpRequest { ClientId = "cid", Username = "ada" }, default)).Succeeded,
            "ResendConfirmationCode" => (await c.ResendConfirmationCodeAsync(new ResendConfirmationCodeRequest { ClientId = "cid", Username = "ada" }, default)).Succeeded,
            "InitiateAuth" => (await c.InitiateAuthAsync(new InitiateAuthRequest { ClientId = "cid", AuthFlow = "USER_PASSWORD_AUTH" }, default)).Succeeded,
            "RespondToAuthChallenge" => (await c.RespondToAuthChallengeAsync(new RespondToAuthChallengeRequest { ClientId = "cid", ChallengeName = "SMS_MFA" }, default)).Succeeded,
            "ForgotPassword" => (await c.ForgotPasswordAsync(new ForgotPasswordRequest { ClientId = "cid", Username = "ada" }, default)).Succeeded,
            "ConfirmForgotPassword" => (await c.ConfirmForgotPasswordAsync(new ConfirmForgotPasswordRequest { ClientId = "cid", Username = "ada" }, default)).Succeeded,
            "ChangePassword" => (await c.ChangePasswordAsync(new ChangePasswordRequest { AccessToken = "at" }, default)).Succeeded,
            "GetUser" => (await c.GetUserAsync(new GetUserRequest { AccessToken = "at" }, default)).Succeeded,
            "UpdateUserAttributes" => (await c.UpdateUserAttributesAsync(new UpdateUserAttributesRequest { AccessToken = "at" }, default)).Succeeded,
            "VerifyUserAttribute" => (await c.VerifyUserAttributeAsync(new VerifyUserAttributeRequest { AccessToken = "at" }, default)).Succeeded,
            "GetUserAttributeVerificationCode" => (await c.GetUserAttributeVerificationCodeAsync(new GetUserAttributeVerificationCodeRequest { AccessToken = "at" }, default)).Succeeded,
            "GlobalSignOut" => (await c.GlobalSignOutAsync(new GlobalSignOutRequest { AccessToken = "at" }, default)).Succeeded,
            "RevokeToken" => (await c.RevokeTokenAsync(new RevokeTokenRequest { Token = "rt", ClientId = "cid" }, default)).Succeeded,
            "DeleteUser" => (await c.DeleteUserAsync(new DeleteUserRequest { AccessToken = "at" }, default)).Succeeded,
            "GetTokensFromRefreshToken" => (await c.GetTokensFromRefreshTokenAsync(new GetTokensFromRefreshTokenRequest { RefreshToken = "rt", ClientId = "cid" }, default)).Succeeded,
            "AssociateSoftwareToken" => (await c.AssociateSoftwareTokenAsync(new AssociateSoftwareTokenRequest { AccessToken = "at" }, default)).Succeeded,
            "VerifySoftwareToken" => (await c.VerifySoftwareTokenAsync(new VerifySoftwareTokenRequest { UserCode = "123456", AccessToken = "at" }, default)).Succeeded,
            "SetUserMFAPreference" => (await c.SetUserMFAPreferenceAsync(new SetUserMFAPreferenceRequest { AccessToken = "at" }, default)).Succeeded,
            "AdminGetUser" => (await c.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = pool, Username = "ada" }, default)).Succeeded,
            "AdminCreateUser" => (await c.AdminCreateUserAsync(new AdminCreateUserRequest { UserPoolId = pool, Username = "ada" }, default)).Succeeded,
            "AdminConfirmSignUp" => (await c.AdminConfirmSignUpAsync(new AdminConfirmSignUpRequest { UserPoolId = pool, Username = "ada" }, default)).Succeeded,
            "AdminDeleteUser" => (await c.AdminDeleteUserAsync(new AdminDeleteUserRequest { UserPoolId = pool, Username = "ada" }, default)).Succeeded,
            "AdminAddUserToGroup" => (await c.AdminAddUserToGroupAsync(new AdminAddUserToGroupRequest { UserPoolId = pool, Username = "ada", GroupName = "g" }, default)).Succeeded,
            "AdminRemoveUserFromGroup" => (await c.AdminRemoveUserFromGroupAsync(new AdminRemoveUserFromGroupRequest { UserPoolId = pool, Username = "ada", GroupName = "g" }, default)).Succeeded,
            "AdminListGroupsForUser" => (await c.AdminListGroupsForUserAsync(new AdminListGroupsForUserRequest { UserPoolId = pool, Username = "ada" }, default)).Succeeded,
            "AdminResetUserPassword" => (await c.AdminResetUserPasswordAsync(new AdminResetUserPasswordRequest { UserPoolId = pool, Username = "ada" }, default)).Succeeded,
            "AdminUserGlobalSignOut" => (await c.AdminUserGlobalSignOutAsync(new AdminUserGlobalSignOutRequest { UserPoolId = pool, Username = "ada" }, default)).Succeeded,
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "no call for this action"),
        };
    }
}
