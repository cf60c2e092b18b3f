using System.Net;
using System.Text.Json.Nodes;
using Exanubes.Cognito.IdentityProvider;

namespace Exanubes.Cognito.Tests.IdentityProvider;

public sealed class CognitoIdentityProviderClientTests
{
    private const string Pool = WireTestHost.PoolId;

    /// <summary>One call per action: the action name, the call, and the exact JSON body the protocol expects.</summary>
    public static TheoryData<string> ActionNames => [.. Calls.Keys];

    private static readonly CallTable Calls = new()
    {
        { "SignUp", c => c.SendAsync(SignUpRequest.Action, new SignUpRequest { ClientId = "cid", Username = "ada", Password = "pw", UserAttributes = [new AttributeType { Name = "email", Value = "ada@example.com" }], ClientMetadata = new() { ["k"] = "v" } }, default),
          """{"ClientId":"cid","Username":"ada","Password":"pw","UserAttributes":[{"Name":"email","Value":"ada@example.com"}],"ClientMetadata":{"k":"v"}}""" },
        { "ConfirmSignUp", c => c.SendAsync(ConfirmSignUpRequest.Action, new ConfirmSignUpRequest { ClientId = "cid", SecretHash = "h", Username = "ada", ConfirmationCode = "123456" }, default),
          """{"ClientId":"cid","SecretHash":"h","Username":"ada","ConfirmationCode":"123456"}""" },
        { "ResendConfirmationCode", c => c.SendAsync(ResendConfirmationCodeRequest.Action, new ResendConfirmationCodeRequest { ClientId = "cid", Username = "ada" }, default),
          """{"ClientId":"cid","Username":"ada"}""" },
        { "InitiateAuth", c => c.SendAsync(InitiateAuthRequest.Action, new InitiateAuthRequest { AuthFlow = "USER_PASSWORD_AUTH", ClientId = "cid", AuthParameters = new() { ["USERNAME"] = "ada", ["PASSWORD"] = "pw" } }, default),
          """{"AuthFlow":"USER_PASSWORD_AUTH","AuthParameters":{"USERNAME":"ada","PASSWORD":"pw"},"ClientId":"cid"}""" },
        { "RespondToAuthChallenge", c => c.SendAsync(RespondToAuthChallengeRequest.Action, new RespondToAuthChallengeRequest { ClientId = "cid", ChallengeName = "SMS_MFA", Session = "s", ChallengeResponses = new() { ["USERNAME"] = "ada", ["SMS_MFA_CODE"] = "123456" } }, default),
          """{"ClientId":"cid","ChallengeName":"SMS_MFA","Session":"s","ChallengeResponses":{"USERNAME":"ada","SMS_MFA_CODE":"123456"}}""" },
        { "ForgotPassword", c => c.SendAsync(ForgotPasswordRequest.Action, new ForgotPasswordRequest { ClientId = "cid", Username = "ada" }, default),
          """{"ClientId":"cid","Username":"ada"}""" },
        { "ConfirmForgotPassword", c => c.SendAsync(ConfirmForgotPasswordRequest.Action, new ConfirmForgotPasswordRequest { ClientId = "cid", Username = "ada", ConfirmationCode = "123456", Password = "pw2" }, default),
          """{"ClientId":"cid","Username":"ada","ConfirmationCode":"123456","Password":"pw2"}""" },
        { "ChangePassword", c => c.SendAsync(ChangePasswordRequest.Action, new ChangePasswordRequest { AccessToken = "at", PreviousPassword = "pw", ProposedPassword = "pw2" }, default),
          """{"AccessToken":"at","PreviousPassword":"pw","ProposedPassword":"pw2"}""" },
        { "GetUser", c => c.SendAsync(GetUserRequest.Action, new GetUserRequest { AccessToken = "at" }, default), """{"AccessToken":"at"}""" },
        { "UpdateUserAttributes", c => c.SendAsync(UpdateUserAttributesRequest.Action, new UpdateUserAttributesRequest { AccessToken = "at", UserAttributes = [new AttributeType { Name = "name", Value = "Ada" }] }, default),
          """{"AccessToken":"at","UserAttributes":[{"Name":"name","Value":"Ada"}]}""" },
        { "VerifyUserAttribute", c => c.SendAsync(VerifyUserAttributeRequest.Action, new VerifyUserAttributeRequest { AccessToken = "at", AttributeName = "email", Code = "123456" }, default),
          """{"AccessToken":"at","AttributeName":"email","Code":"123456"}""" },
        { "GetUserAttributeVerificationCode", c => c.SendAsync(GetUserAttributeVerificationCodeRequest.Action, new GetUserAttributeVerificationCodeRequest { AccessToken = "at", AttributeName = "email" }, default),
          """{"AccessToken":"at","AttributeName":"email"}""" },
        { "GlobalSignOut", c => c.SendAsync(GlobalSignOutRequest.Action, new GlobalSignOutRequest { AccessToken = "at" }, default), """{"AccessToken":"at"}""" },
        { "RevokeToken", c => c.SendAsync(RevokeTokenRequest.Action, new RevokeTokenRequest { Token = "rt", ClientId = "cid", ClientSecret = "cs" }, default),
          """{"Token":"rt","ClientId":"cid","ClientSecret":"cs"}""" },
        { "DeleteUser", c => c.SendAsync(DeleteUserRequest.Action, new DeleteUserRequest { AccessToken = "at" }, default), """{"AccessToken":"at"}""" },
        { "GetTokensFromRefreshToken", c => c.SendAsync(GetTokensFromRefreshTokenRequest.Action, new GetTokensFromRefreshTokenRequest { RefreshToken = "rt", ClientId = "cid" }, default),
          """{"RefreshToken":"rt","ClientId":"cid"}""" },
        { "AssociateSoftwareToken", c => c.SendAsync(AssociateSoftwareTokenRequest.Action, new AssociateSoftwareTokenRequest { Session = "s" }, default), """{"Session":"s"}""" },
        { "VerifySoftwareToken", c => c.SendAsync(VerifySoftwareTokenRequest.Action, new VerifySoftwareTokenRequest { UserCode = "123456", AccessToken = "at", FriendlyDeviceName = "Phone" }, default),
          """{"UserCode":"123456","AccessToken":"at","FriendlyDeviceName":"Phone"}""" },
        { "SetUserMFAPreference", c => c.SendAsync(SetUserMFAPreferenceRequest.Action, new SetUserMFAPreferenceRequest { AccessToken = "at", SoftwareTokenMfaSettings = new MfaSettingsType { Enabled = true, PreferredMfa = true }, SMSMfaSettings = new MfaSettingsType { Enabled = false } }, default),
          """{"AccessToken":"at","SMSMfaSettings":{"Enabled":false},"SoftwareTokenMfaSettings":{"Enabled":true,"PreferredMfa":true}}""" },
        { "AdminGetUser", c => c.SendAsync(AdminGetUserRequest.Action, new AdminGetUserRequest { UserPoolId = Pool, Username = "ada" }, default), $$"""{"UserPoolId":"{{Pool}}","Username":"ada"}""" },
        { "AdminCreateUser", c => c.SendAsync(AdminCreateUserRequest.Action, new AdminCreateUserRequest { UserPoolId = Pool, Username = "ada", TemporaryPassword = "tmp", MessageAction = "SUPPRESS", DesiredDeliveryMediums = ["EMAIL"] }, default),
          $$"""{"UserPoolId":"{{Pool}}","Username":"ada","TemporaryPassword":"tmp","MessageAction":"SUPPRESS","DesiredDeliveryMediums":["EMAIL"]}""" },
        { "AdminConfirmSignUp", c => c.SendAsync(AdminConfirmSignUpRequest.Action, new AdminConfirmSignUpRequest { UserPoolId = Pool, Username = "ada" }, default), $$"""{"UserPoolId":"{{Pool}}","Username":"ada"}""" },
        { "AdminDeleteUser", c => c.SendAsync(AdminDeleteUserRequest.Action, new AdminDeleteUserRequest { UserPoolId = Pool, Username = "ada" }, default), $$"""{"UserPoolId":"{{Pool}}","Username":"ada"}""" },
        { "AdminAddUserToGroup", c => c.SendAsync(AdminAddUserToGroupRequest.Action, new AdminAddUserToGroupRequest { UserPoolId = Pool, Username = "ada", GroupName = "g" }, default),
          $$"""{"UserPoolId":"{{Pool}}","Username":"ada","GroupName":"g"}""" },
        { "AdminRemoveUserFromGroup", c => c.SendAsync(AdminRemoveUserFromGroupRequest.Action, new AdminRemoveUserFromGroupRequest { UserPoolId = Pool, Username = "ada", GroupName = "g" }, default),
          $$"""{"UserPoolId":"{{Pool}}","Username":"ada","GroupName":"g"}""" },
        { "AdminListGroupsForUser", c => c.SendAsync(AdminListGroupsForUserRequest.Action, new AdminListGroupsForUserRequest { UserPoolId = Pool, Username = "ada", Limit = 10, NextToken = "n" }, default),
          $$"""{"UserPoolId":"{{Pool}}","Username":"ada","Limit":10,"NextToken":"n"}""" },
        { "AdminResetUserPassword", c => c.SendAsync(AdminResetUserPasswordRequest.Action, new AdminResetUserPasswordRequest { UserPoolId = Pool, Username = "ada" }, default), $$"""{"UserPoolId":"{{Pool}}","Username":"ada"}""" },
        { "AdminUserGlobalSignOut", c => c.SendAsync(AdminUserGlobalSignOutRequest.Action, new AdminUserGlobalSignOutRequest { UserPoolId = Pool, Username = "ada" }, default), $$"""{"UserPoolId":"{{Pool}}","Username":"ada"}""" },
    };

    [Theory]
    [MemberData(nameof(ActionNames))]
    public async Task Action_AnyRequest_PostsJson11WithTargetAndExactBody(string action)
    {
        var (call, expectedBody) = Calls[action];
        await using var host = WireTestHost.Create("Empty.json");

        await call(host.Client);

        var request = Assert.Single(host.Handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(new Uri("https://cognito-idp.eu-west-1.amazonaws.com/"), request.Uri);
        Assert.Equal("AWSCognitoIdentityProviderService." + action, request.Headers["X-Amz-Target"]);
        Assert.Equal("application/x-amz-json-1.1", request.ContentType);
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(expectedBody), request.Json),
            $"body of {action}:\n expected {expectedBody}\n actual   {request.Json.ToJsonString()}");
        Assert.Equal(action.StartsWith("Admin", StringComparison.Ordinal), request.Headers.ContainsKey("Authorization"));
    }

    [Theory]
    [InlineData("Error.NotAuthorized.json", CognitoErrorCode.NotAuthorized, "NotAuthorizedException", "Incorrect username or password.")]
    [InlineData("Error.UsernameExists.json", CognitoErrorCode.UsernameExists, "UsernameExistsException", "User already exists")]
    [InlineData("Error.CodeMismatch.json", CognitoErrorCode.CodeMismatch, "CodeMismatchException", "Invalid verification code provided, please try again.")]
    [InlineData("Error.ExpiredCode.json", CognitoErrorCode.ExpiredCode, "ExpiredCodeException", "Invalid code provided, please request a code again.")]
    [InlineData("Error.UserNotConfirmed.json", CognitoErrorCode.UserNotConfirmed, "UserNotConfirmedException", "User is not confirmed.")]
    [InlineData("Error.InvalidPassword.json", CognitoErrorCode.InvalidPassword, "InvalidPasswordException", "Password did not conform with policy: Password must have symbol characters")]
    [InlineData("Error.LimitExceeded.json", CognitoErrorCode.LimitExceeded, "LimitExceededException", "Attempt limit exceeded, please try after some time.")]
    [InlineData("Error.UserNotFound.Prefixed.json", CognitoErrorCode.UserNotFound, "UserNotFoundException", "User does not exist.")]
    [InlineData("Error.EnableSoftwareTokenMfa.json", CognitoErrorCode.EnableSoftwareTokenMfa, "EnableSoftwareTokenMFAException", "Code mismatch and fail enable Software Token MFA")]
    [InlineData("Error.SoftwareTokenMfaNotFound.json", CognitoErrorCode.SoftwareTokenMfaNotFound, "SoftwareTokenMFANotFoundException", "Software Token MFA has not been enabled by the user.")]
    [InlineData("Error.Unknown.json", CognitoErrorCode.Unknown, "SomeFutureException", "A new error Cognito may add later.")]
    [InlineData("Error.AccessDenied.json", CognitoErrorCode.AccessDenied, "AccessDeniedException", "User: arn:aws:iam::123456789012:user/test is not authorized to perform: cognito-idp:AdminGetUser")]
    public async Task ErrorResponse_Fixture_MapsTypeCodeMessageAndStatus(string fixture, CognitoErrorCode code, string type, string message)
    {
        await using var host = WireTestHost.Create(_ => FakeCognitoHandler.Fixture(fixture, HttpStatusCode.BadRequest));

        var result = await host.Client.SendAsync(ConfirmSignUpRequest.Action, new ConfirmSignUpRequest { ClientId = "cid", Username = "ada", ConfirmationCode = "1" }, default);

        Assert.False(result.Succeeded);
        Assert.Equal(code, result.Error.Code);
        Assert.Equal(type, result.Error.Type);
        Assert.Equal(message, result.Error.Message);
        Assert.Equal(HttpStatusCode.BadRequest, result.Error.StatusCode);
    }

    [Fact]
    public async Task ErrorResponse_TypeOnlyInHeader_UsesXAmznErrorType()
    {
        await using var host = WireTestHost.Create(_ => FakeCognitoHandler.Json("{}", HttpStatusCode.BadRequest, "CodeMismatchException:http://internal.amazon.com/coral/com.amazonaws.cognito.identity.idp.model/"));

        var result = await host.Client.SendAsync(ConfirmSignUpRequest.Action, new ConfirmSignUpRequest { ClientId = "cid", Username = "ada", ConfirmationCode = "1" }, default);

        Assert.Equal(CognitoErrorCode.CodeMismatch, result.Error?.Code);
        Assert.Equal("CodeMismatchException", result.Error?.Type);
    }

    [Fact]
    public async Task ErrorResponse_NotJson_KeepsStatusAsError()
    {
        await using var host = WireTestHost.Create(_ => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>bad gateway</html>") });

        var result = await host.Client.SendAsync(SignUpRequest.Action, new SignUpRequest { ClientId = "cid", Username = "ada" }, default);

        Assert.Equal(CognitoErrorCode.InternalError, result.Error?.Code);
        Assert.Equal(HttpStatusCode.BadGateway, result.Error?.StatusCode);
    }

    [Fact]
    public async Task SuccessResponse_EmptyBody_Succeeds()
    {
        await using var host = WireTestHost.Create(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) });

        var result = await host.Client.SendAsync(DeleteUserRequest.Action, new DeleteUserRequest { AccessToken = "at" }, default);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task SuccessResponse_MalformedJson_IsInvalidResponseError()
    {
        await using var host = WireTestHost.Create(_ => FakeCognitoHandler.Json("""{"UserConfirmed": "yes-ish"""));

        var result = await host.Client.SendAsync(SignUpRequest.Action, new SignUpRequest { ClientId = "cid", Username = "ada" }, default);

        Assert.Equal("InvalidResponse", result.Error?.Type);
        Assert.Equal(CognitoErrorCode.Unknown, result.Error?.Code);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, true)]
    [InlineData(HttpStatusCode.OK, false)]
    [InlineData(HttpStatusCode.BadRequest, true)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    public async Task Response_BodyOverLimit_IsResponseTooLargeError(HttpStatusCode status, bool declaresLength)
    {
        // Valid JSON padded past the limit: without a bound it would be read whole and parsed as a success.
        var padded = new byte[CognitoIdentityProviderClient.MaxResponseBytes + 1];
        Array.Fill(padded, (byte)' ');
        padded[0] = (byte)'{';
        padded[^1] = (byte)'}';
        await using var host = WireTestHost.Create(_ =>
        {
            HttpContent content = declaresLength ? new ByteArrayContent(padded) : new StreamContent(new UnknownLengthStream(padded));
            content.Headers.ContentType = new("application/x-amz-json-1.1");
            return new HttpResponseMessage(status) { Content = content };
        });

        var result = await host.Client.SendAsync(GetUserRequest.Action, new GetUserRequest { AccessToken = "at" }, default);

        Assert.False(result.Succeeded);
        Assert.Equal("ResponseTooLarge", result.Error?.Type);
        Assert.Equal(CognitoErrorCode.Unknown, result.Error?.Code);
        Assert.Equal(status, result.Error?.StatusCode);
    }

    [Fact]
    public async Task Response_BodyAtLimit_IsRead()
    {
        var padded = new byte[CognitoIdentityProviderClient.MaxResponseBytes];
        Array.Fill(padded, (byte)' ');
        padded[0] = (byte)'{';
        padded[^1] = (byte)'}';
        await using var host = WireTestHost.Create(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new UnknownLengthStream(padded)) });

        var result = await host.Client.SendAsync(GetUserRequest.Action, new GetUserRequest { AccessToken = "at" }, default);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Response_BodyStallsPastClientTimeout_ThrowsTimeoutNotHangs()
    {
        var time = WireTestHost.FixedTime();
        using var stall = new StallingStream();
        await using var host = WireTestHost.Create(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(stall) }, timeProvider: time);

        var call = host.Client.SendAsync(GetUserRequest.Action, new GetUserRequest { AccessToken = "at" }, default);
        await stall.Reading.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(call.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(101)); // HttpClient's default Timeout is 100 s

        var ex = await Assert.ThrowsAsync<TaskCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.IsType<TimeoutException>(ex.InnerException);
    }

    /// <summary>A body that sends nothing until the read is cancelled.</summary>
    private sealed class StallingStream : MemoryStream
    {
        public TaskCompletionSource Reading { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override bool CanSeek => false;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Reading.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    /// <summary>A body whose length the client cannot know in advance (like a chunked response).</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }

    [Fact]
    public async Task Call_Cancelled_ThrowsOperationCanceled()
    {
        await using var host = WireTestHost.Create("Empty.json");
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Client.SendAsync(GetUserRequest.Action, new GetUserRequest { AccessToken = "at" }, cts.Token));
    }

    [Theory]
    [InlineData("eu-west-1_AbCdEf123", false, false, "https://cognito-idp.eu-west-1.amazonaws.com/")]
    [InlineData("us-east-1_X", false, false, "https://cognito-idp.us-east-1.amazonaws.com/")]
    [InlineData("cn-north-1_Abc", false, false, "https://cognito-idp.cn-north-1.amazonaws.com.cn/")]
    [InlineData("us-gov-west-1_Abc", true, false, "https://cognito-idp-fips.us-gov-west-1.amazonaws.com/")]
    [InlineData("eusc-de-east-1_Abc", false, true, "https://cognito-idp.eusc-de-east-1.api.amazonwebservices.eu/")]
    public async Task Endpoint_DerivedFromParsedPoolId_IsRegionalHttpsOfItsPartition(string poolId, bool fips, bool dualStack, string expected)
    {
        await using var host = WireTestHost.Create("Empty.json", o =>
        {
            o.UserPoolId = poolId;
            o.ServiceUrl = null;
            o.UseFipsEndpoint = fips;
            o.UseDualStackEndpoint = dualStack;
        });

        await host.Client.SendAsync(GetUserRequest.Action, new GetUserRequest { AccessToken = "at" }, default);

        Assert.Equal(new Uri(expected), host.Client.Endpoint);
        Assert.Equal(new Uri(expected), Assert.Single(host.Handler.Requests).Uri);
    }

    [Fact]
    public async Task Endpoint_ExplicitHttpServiceUrl_IsUsed()
    {
        await using var host = WireTestHost.Create("Empty.json", o => o.ServiceUrl = new Uri("http://127.0.0.1:9229/"));

        await host.Client.SendAsync(GetUserRequest.Action, new GetUserRequest { AccessToken = "at" }, default);

        Assert.Equal(new Uri("http://127.0.0.1:9229/"), Assert.Single(host.Handler.Requests).Uri);
    }

    [Fact]
    public void ResolveEndpoint_DerivedHttp_IsRefused()
    {
        var options = new CognitoAuthOptions { UserPoolId = "eu-west-1_X", ResolvedServiceUrl = new Uri("http://cognito-idp.eu-west-1.amazonaws.com/") };

        var error = Assert.Throws<InvalidOperationException>(() => CognitoIdentityProviderClient.ResolveEndpoint(options));

        Assert.Contains("ServiceUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveEndpoint_NothingToDeriveFrom_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CognitoIdentityProviderClient.ResolveEndpoint(new CognitoAuthOptions()));

        Assert.Contains("UserPoolId", error.Message, StringComparison.Ordinal);
    }

    private sealed class CallTable : Dictionary<string, (Func<CognitoIdentityProviderClient, Task> Call, string Body)>
    {
        public void Add(string action, Func<CognitoIdentityProviderClient, Task> call, string body) => Add(action, (call, body));
    }

    [Fact]
    public async Task AssociateSoftwareToken_Fixture_ParsesSecretAndSession()
    {
        await using var host = WireTestHost.Create("AssociateSoftwareToken.json");

        var result = await host.Client.SendAsync(AssociateSoftwareTokenRequest.Action, new AssociateSoftwareTokenRequest { AccessToken = "at" }, default);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", result.Value.SecretCode);
        Assert.Equal("AYABeEXAMPLEsessionAfterAssociate", result.Value.Session);
        Assert.Equal("""{"AccessToken":"at"}""", System.Text.Encoding.UTF8.GetString(Assert.Single(host.Handler.Requests).Body));
    }

    [Theory]
    [InlineData("VerifySoftwareToken.json", "SUCCESS", "AYABeEXAMPLEsessionAfterVerify")]
    [InlineData("VerifySoftwareToken.StatusError.json", "ERROR", null)]
    public async Task VerifySoftwareToken_Fixture_ParsesStatusAndSession(string fixture, string status, string? session)
    {
        await using var host = WireTestHost.Create(fixture);

        var result = await host.Client.SendAsync(VerifySoftwareTokenRequest.Action, new VerifySoftwareTokenRequest { UserCode = "123456", Session = "s" }, default);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(status, result.Value.Status);
        Assert.Equal(session, result.Value.Session);
        Assert.Equal("""{"UserCode":"123456","Session":"s"}""", System.Text.Encoding.UTF8.GetString(Assert.Single(host.Handler.Requests).Body));
    }
}
