using System.Net;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Exanubes.Cognito.Tests.IdentityProvider;
using Exanubes.Cognito.Tests.Srp;

namespace Exanubes.Cognito.Tests.Auth;

public sealed class CognitoAuthServiceTests
{
    private const string Secret = "examplesecret0123456789abcdefghijklmnopqrstuvwxyz01";
    private const string Sub = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

    [Fact]
    public async Task SignIn_TokensFixture_ReturnsTokensWithInternalUsername()
    {
        await using var host = WireTestHost.Create("InitiateAuth.Tokens.json");

        var result = await host.Auth.SignInAsync("testuser@example.com", "Passw0rd!");

        Assert.True(result.Succeeded, result.ToString());
        Assert.True(result.Value.IsSignedIn);
        var tokens = result.Value.Tokens;
        Assert.Equal(TimeSpan.FromHours(1), tokens.ExpiresIn);
        Assert.Equal("Bearer", tokens.TokenType);
        Assert.Equal(Sub, tokens.Username);
        Assert.NotNull(tokens.IdToken);
        Assert.NotNull(tokens.RefreshToken);
        var sent = Assert.Single(host.Handler.Requests).Json;
        Assert.Equal("USER_PASSWORD_AUTH", sent["AuthFlow"]!.GetValue<string>());
        Assert.Equal("testuser@example.com", sent["AuthParameters"]!["USERNAME"]!.GetValue<string>());
        Assert.Equal("Passw0rd!", sent["AuthParameters"]!["PASSWORD"]!.GetValue<string>());
        Assert.Null(sent["AuthParameters"]!["SECRET_HASH"]);
    }

    [Theory]
    [InlineData("InitiateAuth.SoftwareTokenMfa.json", CognitoChallengeName.SoftwareTokenMfa, "SOFTWARE_TOKEN_MFA", "SOFTWARE_TOKEN_MFA_CODE")]
    [InlineData("InitiateAuth.SmsMfa.json", CognitoChallengeName.SmsMfa, "SMS_MFA", "SMS_MFA_CODE")]
    [InlineData("InitiateAuth.EmailOtp.json", CognitoChallengeName.EmailOtp, "EMAIL_OTP", "EMAIL_OTP_CODE")]
    public async Task SignIn_MfaChallenge_NextStepAnsweredWithCode(string fixture, CognitoChallengeName name, string wireName, string codeKey)
    {
        var calls = 0;
        await using var host = WireTestHost.Create(_ => FakeCognitoHandler.Fixture(++calls == 1 ? fixture : "InitiateAuth.Tokens.json"), o => o.ClientSecret = Secret);

        var signIn = await host.Auth.SignInAsync("testuser", "Passw0rd!");

        Assert.True(signIn.Succeeded, signIn.ToString());
        Assert.False(signIn.Value.IsSignedIn);
        var step = signIn.Value.NextStep;
        Assert.Equal(name, step.ChallengeName);
        Assert.Equal(wireName, step.Name);
        Assert.Equal("AYABeEXAMPLEsession" + wireName, step.Session);
        Assert.Equal(Sub, step.Username);

        var answered = await host.Auth.RespondToChallengeAsync(step, CognitoChallengeResponse.MfaCode("123456"));

        Assert.True(answered.Value?.IsSignedIn);
        var sent = host.Handler.Requests[1].Json;
        Assert.Equal("RespondToAuthChallenge", host.Handler.Requests[1].Action);
        Assert.Equal(wireName, sent["ChallengeName"]!.GetValue<string>());
        Assert.Equal(step.Session, sent["Session"]!.GetValue<string>());
        Assert.Equal("123456", sent["ChallengeResponses"]![codeKey]!.GetValue<string>());
        Assert.Equal(Sub, sent["ChallengeResponses"]!["USERNAME"]!.GetValue<string>());
        Assert.Equal(ExpectedSecretHash(Sub), sent["ChallengeResponses"]!["SECRET_HASH"]!.GetValue<string>());
    }

    [Fact]
    public async Task SignIn_SelectMfaType_AnsweredWithAnswer()
    {
        var calls = 0;
        await using var host = WireTestHost.Create(_ => FakeCognitoHandler.Fixture(++calls == 1 ? "InitiateAuth.SelectMfaType.json" : "InitiateAuth.SoftwareTokenMfa.json"));

        var step = (await host.Auth.SignInAsync("testuser", "Passw0rd!")).EnsureSuccess().NextStep!;
        Assert.Equal(CognitoChallengeName.SelectMfaType, step.ChallengeName);
        Assert.Equal("""["SMS_MFA","SOFTWARE_TOKEN_MFA"]""", step.Parameters["MFAS_CAN_CHOOSE"]);

        var next = (await host.Auth.RespondToChallengeAsync(step, CognitoChallengeResponse.SelectMfaType("SOFTWARE_TOKEN_MFA"))).EnsureSuccess();

        Assert.Equal(CognitoChallengeName.SoftwareTokenMfa, next.NextStep?.ChallengeName);
        Assert.Equal("SOFTWARE_TOKEN_MFA", host.Handler.Requests[1].Json["ChallengeResponses"]!["ANSWER"]!.GetValue<string>());
    }

    [Fact]
    public async Task SignIn_NewPasswordRequired_AnsweredWithPasswordAndAttributes()
    {
        var calls = 0;
        await using var host = WireTestHost.Create(_ => FakeCognitoHandler.Fixture(++calls == 1 ? "InitiateAuth.NewPasswordRequired.json" : "InitiateAuth.Tokens.json"));

        var step = (await host.Auth.SignInAsync("testuser", "Temp-Passw0rd!")).EnsureSuccess().NextStep!;
        Assert.Equal(CognitoChallengeName.NewPasswordRequired, step.ChallengeName);
        Assert.Equal("""["userAttributes.name"]""", step.Parameters["requiredAttributes"]);

        var done = await host.Auth.RespondToChallengeAsync(step, CognitoChallengeResponse.NewPassword("New-Passw0rd!", new Dictionary<string, string> { ["name"] = "Ada" }));

        Assert.True(done.Value?.IsSignedIn);
        var responses = host.Handler.Requests[1].Json["ChallengeResponses"]!;
        Assert.Equal("New-Passw0rd!", responses["NEW_PASSWORD"]!.GetValue<string>());
        Assert.Equal("Ada", responses["userAttributes.name"]!.GetValue<string>());
    }

    [Fact]
    public async Task SignIn_MfaSetup_IsTypedNextStep()
    {
        await using var host = WireTestHost.Create("InitiateAuth.MfaSetup.json");

        var step = (await host.Auth.SignInAsync("testuser", "Passw0rd!")).EnsureSuccess().NextStep!;

        Assert.Equal(CognitoChallengeName.MfaSetup, step.ChallengeName);
        Assert.Equal("""["SMS_MFA","SOFTWARE_TOKEN_MFA"]""", step.Parameters["MFAS_CAN_SETUP"]);
    }

    [Fact]
    public async Task RespondToChallenge_CodeForNewPasswordChallenge_Throws()
    {
        await using var host = WireTestHost.Create("Empty.json");
        var challenge = new CognitoChallenge("NEW_PASSWORD_REQUIRED", "s", "ada", new Dictionary<string, string>());

        await Assert.ThrowsAsync<ArgumentException>(() => host.Auth.RespondToChallengeAsync(challenge, CognitoChallengeResponse.MfaCode("123456")));
        Assert.Empty(host.Handler.Requests);
    }

    [Fact]
    public async Task SignInWithSrp_RightPassword_CompletesHandshakeAgainstVerifier()
    {
        var (result, requests) = await RunSrpAsync(password: "Srp-Passw0rd!", typed: "Srp-Passw0rd!", secret: Secret);

        Assert.True(result.Succeeded, result.ToString());
        Assert.True(result.Value.IsSignedIn);
        var initiate = requests[0].Json;
        Assert.Equal("USER_SRP_AUTH", initiate["AuthFlow"]!.GetValue<string>());
        Assert.Equal("testuser@example.com", initiate["AuthParameters"]!["USERNAME"]!.GetValue<string>());
        Assert.Equal(SecretHashOf("testuser@example.com"), initiate["AuthParameters"]!["SECRET_HASH"]!.GetValue<string>());
        Assert.Null(initiate["AuthParameters"]!["PASSWORD"]);
        var answer = requests[1].Json;
        Assert.Equal("PASSWORD_VERIFIER", answer["ChallengeName"]!.GetValue<string>());
        Assert.Equal(Sub, answer["ChallengeResponses"]!["USERNAME"]!.GetValue<string>());
        Assert.Equal(SecretHashOf(Sub), answer["ChallengeResponses"]!["SECRET_HASH"]!.GetValue<string>());
        Assert.Equal("Sun Nov 29 07:05:09 UTC 2026", answer["ChallengeResponses"]!["TIMESTAMP"]!.GetValue<string>());
        Assert.DoesNotContain("Srp-Passw0rd!", Encoding.UTF8.GetString(requests[0].Body) + Encoding.UTF8.GetString(requests[1].Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInWithSrp_LogsAtTrace_HoldNoPasswordProofOrSecret()
    {
        var (result, requests, logs) = await RunSrpWithLogsAsync(password: "Srp-Passw0rd!", typed: "Srp-Passw0rd!", secret: Secret);

        Assert.True(result.Succeeded, result.ToString());
        var answers = requests[1].Json["ChallengeResponses"]!;
        var secrets = new[]
        {
            "Srp-Passw0rd!", Secret,
            answers["PASSWORD_CLAIM_SIGNATURE"]!.GetValue<string>(),
            answers["PASSWORD_CLAIM_SECRET_BLOCK"]!.GetValue<string>(),
            answers["SECRET_HASH"]!.GetValue<string>(),
            requests[0].Json["AuthParameters"]!["SRP_A"]!.GetValue<string>(),
            result.Value.Tokens!.AccessToken, result.Value.Tokens.RefreshToken!,
        };
        Assert.NotEmpty(logs);
        Assert.Contains(logs, l => l.Contains("PASSWORD_VERIFIER", StringComparison.Ordinal));
        foreach (var line in logs)
        {
            Assert.All(secrets, s => Assert.DoesNotContain(s, line, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task SignInWithSrp_WrongPassword_IsNotAuthorized()
    {
        var (result, _) = await RunSrpAsync(password: "Srp-Passw0rd!", typed: "Wrong-Passw0rd!", secret: null);

        Assert.Equal(CognitoErrorCode.NotAuthorized, result.Error?.Code);
    }

    [Fact]
    public async Task SignInWithSrp_InitiateFails_ReturnsError()
    {
        await using var host = WireTestHost.Create(_ => FakeCognitoHandler.Fixture("Error.UserNotFound.Prefixed.json", HttpStatusCode.BadRequest));

        var result = await host.Auth.SignInWithSrpAsync("ghost", "Passw0rd!");

        Assert.Equal(CognitoErrorCode.UserNotFound, result.Error?.Code);
        Assert.Single(host.Handler.Requests);
    }

    [Theory]
    [InlineData("zz-not-hex", "00ff", "AAEC", "SRP_B")]
    [InlineData(Exanubes.Cognito.Srp.CognitoSrpClient.NHex, "00ff", "AAEC", "SRP_B")]
    [InlineData("0", "00ff", "AAEC", "SRP_B")]
    [InlineData("05", "not hex", "AAEC", "SALT")]
    [InlineData("05", "00ff", "!!not base64!!", "SECRET_BLOCK")]
    public async Task SignInWithSrp_MalformedPasswordVerifier_IsInvalidResponseAndNotAnswered(string srpB, string salt, string secretBlock, string named)
    {
        await using var host = WireTestHost.Create(_ => FakeCognitoHandler.Json($$$"""
            {"ChallengeName":"PASSWORD_VERIFIER","ChallengeParameters":{"SALT":"{{{salt}}}","SECRET_BLOCK":"{{{secretBlock}}}","SRP_B":"{{{srpB}}}","USERNAME":"{{{Sub}}}","USER_ID_FOR_SRP":"{{{Sub}}}"}}
            """));

        var result = await host.Auth.SignInWithSrpAsync("testuser@example.com", "Srp-Passw0rd!");

        Assert.False(result.Succeeded);
        Assert.Equal("InvalidResponse", result.Error?.Type);
        Assert.Contains(named, result.Error?.Message, StringComparison.Ordinal);
        Assert.Equal("InitiateAuth", Assert.Single(host.Handler.Requests).Action);
    }

    [Fact]
    public async Task Refresh_WithSecret_HashesInternalUsername()
    {
        await using var host = WireTestHost.Create("InitiateAuth.RefreshTokens.json", o => o.ClientSecret = Secret);

        var result = await host.Auth.RefreshAsync("refresh-token", Sub);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Null(result.Value.RefreshToken);
        var sent = Assert.Single(host.Handler.Requests).Json;
        Assert.Equal("REFRESH_TOKEN_AUTH", sent["AuthFlow"]!.GetValue<string>());
        Assert.Equal("refresh-token", sent["AuthParameters"]!["REFRESH_TOKEN"]!.GetValue<string>());
        Assert.Equal(SecretHashOf(Sub), sent["AuthParameters"]!["SECRET_HASH"]!.GetValue<string>());
        Assert.Null(sent["AuthParameters"]!["USERNAME"]);
    }

    [Fact]
    public async Task Refresh_WithSecretWithoutUsername_ThrowsBeforeCalling()
    {
        await using var host = WireTestHost.Create("InitiateAuth.RefreshTokens.json", o => o.ClientSecret = Secret);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Auth.RefreshAsync("refresh-token"));

        Assert.Equal("username", error.ParamName);
        Assert.Empty(host.Handler.Requests);
    }

    [Fact]
    public async Task Refresh_GetTokensFromRefreshTokenOption_SendsClientSecretAndReturnsRotatedToken()
    {
        await using var host = WireTestHost.Create("GetTokensFromRefreshToken.json", o =>
        {
            o.ClientSecret = Secret;
            o.UseGetTokensFromRefreshToken = true;
        });

        var result = await host.Auth.RefreshAsync("refresh-token");

        Assert.True(result.Succeeded, result.ToString());
        Assert.EndsWith("EXAMPLEtag2", result.Value.RefreshToken, StringComparison.Ordinal);
        var request = Assert.Single(host.Handler.Requests);
        Assert.Equal("GetTokensFromRefreshToken", request.Action);
        Assert.Equal(Secret, request.Json["ClientSecret"]!.GetValue<string>());
        Assert.Equal(WireTestHost.ClientId, request.Json["ClientId"]!.GetValue<string>());
    }

    [Fact]
    public async Task SecretHash_EveryUsernameAction_CarriesHashOfThatUsername()
    {
        await using var host = WireTestHost.Create(r => FakeCognitoHandler.Fixture(r.Action switch
        {
            "SignUp" => "SignUp.json",
            "ForgotPassword" or "ResendConfirmationCode" => "ForgotPassword.json",
            "InitiateAuth" => "InitiateAuth.Tokens.json",
            _ => "Empty.json",
        }), o => o.ClientSecret = Secret);

        await host.Auth.SignUpAsync(new CognitoSignUpRequest { Username = "ada", Password = "Passw0rd!" });
        await host.Auth.ConfirmSignUpAsync("ada", "123456");
        await host.Auth.ResendConfirmationCodeAsync("ada");
        await host.Auth.ForgotPasswordAsync("ada");
        await host.Auth.ConfirmForgotPasswordAsync("ada", "123456", "N3w-Passw0rd!");

        var expected = SecretHashOf("ada");
        Assert.Equal(5, host.Handler.Requests.Count);
        Assert.All(host.Handler.Requests, r => Assert.Equal(expected, r.Json["SecretHash"]?.GetValue<string>()));
        var signIn = await host.Auth.SignInAsync("ada", "Passw0rd!");
        Assert.True(signIn.Succeeded);
        Assert.Equal(expected, host.Handler.Requests[^1].Json["AuthParameters"]!["SECRET_HASH"]!.GetValue<string>());
    }

    [Fact]
    public async Task RevokeToken_WithSecret_SendsClientSecret()
    {
        await using var host = WireTestHost.Create("Empty.json", o => o.ClientSecret = Secret);

        var result = await host.Auth.RevokeTokenAsync("refresh-token");

        Assert.True(result.Succeeded);
        var sent = Assert.Single(host.Handler.Requests).Json;
        Assert.Equal("refresh-token", sent["Token"]!.GetValue<string>());
        Assert.Equal(Secret, sent["ClientSecret"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetUser_Fixture_MapsAttributesAndMfa()
    {
        await using var host = WireTestHost.Create("GetUser.json");

        var user = (await host.Auth.GetUserAsync("access-token")).EnsureSuccess();

        Assert.Equal(Sub, user.Username);
        Assert.Equal("testuser@example.com", user.Attributes["email"]);
        Assert.Equal("SOFTWARE_TOKEN_MFA", user.PreferredMfaSetting);
        Assert.Equal(["SOFTWARE_TOKEN_MFA", "SMS_MFA"], user.MfaSettings);
    }

    [Fact]
    public async Task SignUp_Fixture_MapsSubAndDelivery()
    {
        await using var host = WireTestHost.Create("SignUp.json");

        var result = (await host.Auth.SignUpAsync(new CognitoSignUpRequest
        {
            Username = "testuser",
            Password = "Passw0rd!",
            Attributes = new Dictionary<string, string> { ["email"] = "testuser@example.com" },
            ValidationData = new Dictionary<string, string> { ["invite"] = "abc" },
            ClientMetadata = new Dictionary<string, string> { ["source"] = "web" },
        })).EnsureSuccess();

        Assert.False(result.UserConfirmed);
        Assert.Equal(Sub, result.UserSub);
        Assert.Equal("t***@e***", result.CodeDelivery?.Destination);
        var sent = Assert.Single(host.Handler.Requests).Json;
        Assert.Equal("""[{"Name":"invite","Value":"abc"}]""", sent["ValidationData"]!.ToJsonString());
        Assert.Equal("""{"source":"web"}""", sent["ClientMetadata"]!.ToJsonString());
    }

    [Fact]
    public async Task UpdateAttributes_Fixture_ReturnsDeliveries()
    {
        await using var host = WireTestHost.Create("UpdateUserAttributes.json");

        var deliveries = (await host.Auth.UpdateAttributesAsync("access-token", new Dictionary<string, string> { ["email"] = "new@example.com" })).EnsureSuccess();

        Assert.Equal("email", Assert.Single(deliveries).AttributeName);
    }

    [Fact]
    public async Task Admin_FixturesWithEpochDates_MapUserAndPagedGroups()
    {
        var page = 0;
        await using var host = WireTestHost.Create(r => FakeCognitoHandler.Fixture(r.Action switch
        {
            "AdminGetUser" => "AdminGetUser.json",
            "AdminCreateUser" => "AdminCreateUser.json",
            "AdminListGroupsForUser" => ++page == 1 ? "AdminListGroupsForUser.Page1.json" : "AdminListGroupsForUser.Page2.json",
            _ => "Empty.json",
        }));

        var user = (await host.Admin.GetUserAsync("testuser")).EnsureSuccess();
        var created = (await host.Admin.CreateUserAsync(new CognitoAdminCreateUserRequest { Username = "testuser" })).EnsureSuccess();
        var groups = (await host.Admin.ListGroupsForUserAsync("testuser")).EnsureSuccess();

        Assert.Equal("FORCE_CHANGE_PASSWORD", user.UserStatus);
        Assert.Equal(true, user.Enabled);
        Assert.Equal(new DateTimeOffset(2023, 7, 21, 23, 7, 37, 949, TimeSpan.Zero), user.CreatedAt);
        Assert.Equal("testuser", created.Username);
        Assert.Equal(["admins", "editors"], groups.Select(g => g.GroupName));
        Assert.Equal(1, groups[0].Precedence);
        Assert.Equal("EXAMPLEnexttoken", host.Handler.Requests[^1].Json["NextToken"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExpectedError_EnsureSuccess_ThrowsCognitoExceptionWithError()
    {
        await using var host = WireTestHost.Create(_ => FakeCognitoHandler.Fixture("Error.CodeMismatch.json", HttpStatusCode.BadRequest));

        var result = await host.Auth.ConfirmSignUpAsync("ada", "000000");

        var exception = Assert.Throws<CognitoException>(result.EnsureSuccess);
        Assert.Equal(CognitoErrorCode.CodeMismatch, exception.Code);
        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Contains("CodeMismatchException", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArgumentMisuse_Throws()
    {
        await using var host = WireTestHost.Create("Empty.json");

        await Assert.ThrowsAsync<ArgumentException>(() => host.Auth.SignInAsync("", "pw"));
        await Assert.ThrowsAsync<ArgumentNullException>(() => host.Auth.SignInAsync(null!, "pw"));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Auth.ConfirmSignUpAsync("ada", ""));
        await Assert.ThrowsAsync<ArgumentNullException>(() => host.Auth.SignUpAsync(null!));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Auth.UpdateAttributesAsync("at", new Dictionary<string, string>()));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Admin.AddUserToGroupAsync("ada", ""));
        Assert.Empty(host.Handler.Requests);
    }

    private static string SecretHashOf(string username) => ExpectedSecretHash(username);

    // Independent of the library: HMAC-SHA256(key = secret, message = username + clientId), Base64.
    private static string ExpectedSecretHash(string username)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(Secret));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(username + WireTestHost.ClientId)));
    }

    private static async Task<(CognitoResult<CognitoSignInResult> Result, IReadOnlyList<CapturedRequest> Requests)> RunSrpAsync(string password, string typed, string? secret)
    {
        var (result, requests, _) = await RunSrpWithLogsAsync(password, typed, secret);
        return (result, requests);
    }

    private static async Task<(CognitoResult<CognitoSignInResult> Result, IReadOnlyList<CapturedRequest> Requests, IReadOnlyList<string> Logs)> RunSrpWithLogsAsync(string password, string typed, string? secret)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var server = new SrpTestServer(WireTestHost.PoolId, Sub, password, salt);
        var b = new BigInteger(RandomNumberGenerator.GetBytes(32), isUnsigned: true);
        var secretBlock = RandomNumberGenerator.GetBytes(64);
        BigInteger bigA = default;
        await using var host = WireTestHost.Create(
            r =>
            {
                var responses = r.Json;
                if (r.Action == "InitiateAuth")
                {
                    bigA = SrpTestServer.ParseHex(responses["AuthParameters"]!["SRP_A"]!.GetValue<string>());
                    return FakeCognitoHandler.Json($$$"""
                        {"ChallengeName":"PASSWORD_VERIFIER","ChallengeParameters":{"SALT":"{{{server.SaltHex}}}","SECRET_BLOCK":"{{{Convert.ToBase64String(secretBlock)}}}","SRP_B":"{{{SrpTestServer.ToHex(server.ComputeB(b))}}}","USERNAME":"{{{Sub}}}","USER_ID_FOR_SRP":"{{{Sub}}}"}}
                        """);
                }

                var answers = responses["ChallengeResponses"]!;
                var ok = answers["PASSWORD_CLAIM_SECRET_BLOCK"]!.GetValue<string>() == Convert.ToBase64String(secretBlock)
                    && server.Verify(bigA, b, secretBlock, answers["TIMESTAMP"]!.GetValue<string>(), answers["PASSWORD_CLAIM_SIGNATURE"]!.GetValue<string>());
                return ok
                    ? FakeCognitoHandler.Fixture("InitiateAuth.Tokens.json")
                    : FakeCognitoHandler.Fixture("Error.NotAuthorized.json", HttpStatusCode.BadRequest);
            },
            o => o.ClientSecret = secret,
            WireTestHost.FixedTime());
        var result = await host.Auth.SignInWithSrpAsync("testuser@example.com", typed);
        var logs = host.Logs.GetSnapshot()
            .Select(r => string.Join("\n", new[] { r.Message, r.Exception?.ToString() ?? string.Empty }.Concat((r.StructuredState ?? []).Select(kv => kv.Key + "=" + kv.Value))))
            .ToList();
        return (result, host.Handler.Requests, logs);
    }
}
