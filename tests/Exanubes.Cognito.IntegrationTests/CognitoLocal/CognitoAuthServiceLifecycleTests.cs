using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace Exanubes.Cognito.IntegrationTests.CognitoLocal;

/// <summary>The whole user lifecycle through <see cref="ICognitoAuthService"/> against a real cognito-local.</summary>
[Collection(CognitoLocalCollection.Name)]
public sealed class CognitoAuthServiceLifecycleTests(CognitoLocalFixture cognito)
{
    private const string Password1 = "Correct-Horse-1";
    private const string Password2 = "Battery-Staple-2";
    private const string Password3 = "Tr0ub4dor-3&";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Lifecycle_SignUpToDelete_EveryStepSucceedsAndErrorsAreTyped(bool withSecret)
    {
        var pool = await cognito.CreatePoolAsync(withSecret);
        Assert.Equal(withSecret, pool.ClientSecret is not null);
        await using var provider = CognitoLocalServices.Build(cognito, pool);
        await RunLifecycleAsync(pool, provider.GetRequiredService<ICognitoAuthService>(), []);
    }

    [Fact]
    public async Task Lifecycle_EveryLogLineAtTrace_HoldsNoPasswordCodeTokenOrSecret()
    {
        var pool = await cognito.CreatePoolAsync(withSecret: true);
        await using var provider = CognitoLocalServices.Build(cognito, pool);
        var secrets = new List<string> { pool.ClientSecret!, Password1, Password2, Password3, "Temporary-Pass-1", "Permanent-Pass-2" };

        await RunLifecycleAsync(pool, provider.GetRequiredService<ICognitoAuthService>(), secrets);

        // admin path: temporary password, NEW_PASSWORD_REQUIRED session, new password
        var admin = provider.GetRequiredService<ICognitoAdminService>();
        var auth = provider.GetRequiredService<ICognitoAuthService>();
        var invited = "invited-" + Guid.NewGuid().ToString("N")[..8];
        (await admin.CreateUserAsync(new CognitoAdminCreateUserRequest { Username = invited, TemporaryPassword = "Temporary-Pass-1", MessageAction = "SUPPRESS" })).EnsureSuccess();
        var step = (await auth.SignInAsync(invited, "Temporary-Pass-1")).EnsureSuccess().NextStep!;
        if (step.Session is not null)
        {
            secrets.Add(step.Session);
        }

        var done = (await auth.RespondToChallengeAsync(step, CognitoChallengeResponse.NewPassword("Permanent-Pass-2"))).EnsureSuccess();
        secrets.AddRange(new[] { done.Tokens!.AccessToken, done.Tokens.IdToken!, done.Tokens.RefreshToken! });

        var records = provider.GetFakeLogCollector().GetSnapshot();
        Assert.True(records.Count > 50, $"expected the lifecycle to log at Trace, got {records.Count} records");
        Assert.Contains(records, r => r.Id.Id == 1001);
        Assert.Contains(records, r => r.Id.Id == 1002);
        Assert.Contains(records, r => r.Category?.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal) == true);
        Assert.True(secrets.Count >= 15, $"expected to track many secrets, got {secrets.Count}");
        foreach (var record in records)
        {
            var text = string.Join(
                "\n",
                new[] { record.Message, record.Exception?.ToString() ?? string.Empty }
                    .Concat((record.StructuredState ?? []).Select(kv => kv.Key + "=" + kv.Value)));
            foreach (var secret in secrets.Where(s => s.Length >= 6))
            {
                Assert.False(
                    text.Contains(secret, StringComparison.Ordinal),
                    $"log record {record.Id} ({record.Category}) contains a secret: {text}");
            }
        }
    }

    private async Task RunLifecycleAsync(CognitoLocalPool pool, ICognitoAuthService auth, List<string> secrets)
    {
        var withSecret = pool.ClientSecret is not null;
        var username = "user-" + Guid.NewGuid().ToString("N")[..10];
        var email = username + "@example.com";

        // sign up
        var signUp = await auth.SignUpAsync(new CognitoSignUpRequest
        {
            Username = username,
            Password = Password1,
            Attributes = new Dictionary<string, string> { ["email"] = email, ["name"] = "Ada" },
            ClientMetadata = new Dictionary<string, string> { ["source"] = "test" },
        });
        Assert.True(signUp.Succeeded, signUp.ToString());
        Assert.False(signUp.Value.UserConfirmed);
        Assert.Matches("^[0-9a-f-]{36}$", signUp.Value.UserSub);
        Assert.Equal("EMAIL", signUp.Value.CodeDelivery?.DeliveryMedium);

        var again = await auth.SignUpAsync(new CognitoSignUpRequest { Username = username, Password = Password1 });
        AssertError(CognitoErrorCode.UsernameExists, again.Error);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, again.Error?.StatusCode);

        var unconfirmed = await auth.SignInAsync(username, Password1);
        AssertError(CognitoErrorCode.UserNotConfirmed, unconfirmed.Error);

        // confirm with the delivered code
        var code = cognito.StoredCode(pool.UserPoolId, username);
        secrets.Add(code);
        var wrongCode = await auth.ConfirmSignUpAsync(username, code == "000000" ? "111111" : "000000");
        AssertError(CognitoErrorCode.CodeMismatch, wrongCode.Error);
        var confirmed = await auth.ConfirmSignUpAsync(username, code);
        Assert.True(confirmed.Succeeded, confirmed.ToString());

        // sign in
        var wrongPassword = await auth.SignInAsync(username, "Wrong-Password-9");
        AssertWrongPassword(wrongPassword.Error);
        var unknownUser = await auth.SignInAsync("nobody-" + Guid.NewGuid().ToString("N")[..8], Password1);
        Assert.Contains(unknownUser.Error?.Code, new CognitoErrorCode?[] { CognitoErrorCode.UserNotFound, CognitoErrorCode.NotAuthorized });

        var signIn = await auth.SignInAsync(username, Password1);
        Assert.True(signIn.Succeeded, signIn.ToString());
        Assert.True(signIn.Value.IsSignedIn);
        var tokens = signIn.Value.Tokens;
        secrets.AddRange(new[] { tokens.AccessToken, tokens.IdToken!, tokens.RefreshToken! });
        Assert.Equal(3, tokens.AccessToken.Split('.').Length);
        Assert.NotNull(tokens.IdToken);
        Assert.NotNull(tokens.RefreshToken);
        // cognito-local sends no ExpiresIn/TokenType (Cognito does; the response fixtures cover them).
        Assert.Equal("Bearer", tokens.TokenType);
        Assert.False(string.IsNullOrEmpty(tokens.Username));

        // get user
        var user = await auth.GetUserAsync(tokens.AccessToken);
        Assert.True(user.Succeeded, user.ToString());
        Assert.Equal(email, user.Value.Attributes["email"]);
        Assert.Equal("Ada", user.Value.Attributes["name"]);
        Assert.Equal(signUp.Value.UserSub, user.Value.Attributes["sub"]);

        AssertError(CognitoErrorCode.UserNotFound, (await auth.ForgotPasswordAsync("nobody-" + Guid.NewGuid().ToString("N")[..8])).Error);

        // change password
        var badChange = await auth.ChangePasswordAsync(tokens.AccessToken, "Not-The-Password-1", Password2);
        AssertWrongPassword(badChange.Error);
        var changed = await auth.ChangePasswordAsync(tokens.AccessToken, Password1, Password2);
        Assert.True(changed.Succeeded, changed.ToString());
        AssertWrongPassword((await auth.SignInAsync(username, Password1)).Error);
        Assert.True((await auth.SignInAsync(username, Password2)).Succeeded);

        // forgot password + confirm
        var forgot = await auth.ForgotPasswordAsync(username);
        Assert.True(forgot.Succeeded, forgot.ToString());
        Assert.Equal("EMAIL", forgot.Value.DeliveryMedium);
        var resetCode = cognito.StoredCode(pool.UserPoolId, username);
        secrets.Add(resetCode);
        var badReset = await auth.ConfirmForgotPasswordAsync(username, resetCode == "000000" ? "111111" : "000000", Password3);
        AssertError(CognitoErrorCode.CodeMismatch, badReset.Error);
        var reset = await auth.ConfirmForgotPasswordAsync(username, resetCode, Password3);
        Assert.True(reset.Succeeded, reset.ToString());

        // sign in again with the new password
        var signInAgain = await auth.SignInAsync(username, Password3);
        Assert.True(signInAgain.Succeeded, signInAgain.ToString());
        tokens = signInAgain.Value.Tokens!;
        secrets.AddRange(new[] { tokens.AccessToken, tokens.IdToken!, tokens.RefreshToken! });

        // refresh (with a secret, SECRET_HASH is computed from the internal user name)
        var refreshed = await auth.RefreshAsync(tokens.RefreshToken!, tokens.Username);
        Assert.True(refreshed.Succeeded, refreshed.ToString());
        Assert.Equal(3, refreshed.Value.AccessToken.Split('.').Length);
        secrets.Add(refreshed.Value.AccessToken);
        var badRefresh = await auth.RefreshAsync("not-a-refresh-token", tokens.Username);
        AssertError(CognitoErrorCode.NotAuthorized, badRefresh.Error);

        // attributes: update, ask for a code, verify
        var updated = await auth.UpdateAttributesAsync(refreshed.Value.AccessToken, new Dictionary<string, string> { ["name"] = "Grace" });
        Assert.True(updated.Succeeded, updated.ToString());
        Assert.Equal("Grace", (await auth.GetUserAsync(refreshed.Value.AccessToken)).EnsureSuccess().Attributes["name"]);
        var verification = await auth.GetAttributeVerificationCodeAsync(refreshed.Value.AccessToken, "email");
        Assert.True(verification.Succeeded, verification.ToString());
        var verifyCode = cognito.StoredCode(pool.UserPoolId, username, "AttributeVerificationCode");
        secrets.Add(verifyCode);
        var badVerify = await auth.VerifyAttributeAsync(refreshed.Value.AccessToken, "email", verifyCode == "000000" ? "111111" : "000000");
        AssertError(CognitoErrorCode.CodeMismatch, badVerify.Error);
        var verified = await auth.VerifyAttributeAsync(refreshed.Value.AccessToken, "email", verifyCode);
        Assert.True(verified.Succeeded, verified.ToString());
        Assert.Equal("true", (await auth.GetUserAsync(refreshed.Value.AccessToken)).EnsureSuccess().Attributes["email_verified"]);

        // revoke the refresh token
        var revoked = await auth.RevokeTokenAsync(tokens.RefreshToken!);
        Assert.True(revoked.Succeeded, revoked.ToString());

        // delete
        var deleted = await auth.DeleteUserAsync(refreshed.Value.AccessToken);
        Assert.True(deleted.Succeeded, deleted.ToString());
        var afterDelete = await auth.SignInAsync(username, Password3);
        Assert.False(afterDelete.Succeeded);
        Assert.Contains(afterDelete.Error.Code, new[] { CognitoErrorCode.UserNotFound, CognitoErrorCode.NotAuthorized });
        var getDeleted = await auth.GetUserAsync(refreshed.Value.AccessToken);
        Assert.Contains(getDeleted.Error?.Code, new CognitoErrorCode?[] { CognitoErrorCode.UserNotFound, CognitoErrorCode.NotAuthorized });
        var exception = Assert.Throws<CognitoException>(() => afterDelete.EnsureSuccess());
        Assert.Equal(afterDelete.Error.Code, exception.Code);
    }

    // Cognito answers a wrong password with NotAuthorizedException ("Incorrect username or password."); cognito-local
    // answers InvalidPasswordException. Both must come back typed; the Cognito payload itself is covered by fixtures.
    private static void AssertWrongPassword(CognitoError? actual)
    {
        Assert.True(actual is not null, "expected a wrong-password error, got success");
        Assert.True(
            actual.Code is CognitoErrorCode.NotAuthorized or CognitoErrorCode.InvalidPassword,
            $"expected NotAuthorized (Cognito) or InvalidPassword (cognito-local), got {actual}");
    }

    private static void AssertError(CognitoErrorCode expected, CognitoError? actual)
    {
        Assert.True(actual is not null, $"expected {expected}, got success");
        Assert.True(expected == actual.Code, $"expected {expected}, got {actual}");
    }
}
