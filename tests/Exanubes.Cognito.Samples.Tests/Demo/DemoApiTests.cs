using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Exanubes.Cognito.Sample.LocalStack.Stack;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.Samples.Tests.Demo;

/// <summary>The demo's JSON API against the running stack: each endpoint's success and its typed failures as ProblemDetails.</summary>
[Collection(DemoStackCollection.Name)]
public sealed class DemoApiTests(DemoStackFixture fixture)
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task SignUp_ThenConfirmWithWrongCodeThenRightCode_AnswersProblemThenNoContent()
    {
        var email = DemoStackFixture.NewEmail("api-confirm");
        var signUp = await PostAsync("api/auth/signup", new { email, password = DemoStackFixture.Password });
        Assert.Equal(HttpStatusCode.OK, signUp.StatusCode);
        var body = await Json(signUp);
        Assert.False(body["userConfirmed"]!.GetValue<bool>());
        var sub = body["userSub"]!.GetValue<string>();

        var duplicate = await PostAsync("api/auth/signup", new { email, password = DemoStackFixture.Password });
        await AssertProblem(duplicate, HttpStatusCode.Conflict, "UsernameExists");

        var unconfirmed = await PostAsync("api/auth/signin", new { username = email, password = DemoStackFixture.Password });
        await AssertProblem(unconfirmed, HttpStatusCode.Forbidden, "UserNotConfirmed");

        var link = await fixture.Inbox.WaitForLinkAsync(email, "/verify");
        Assert.Equal(sub, DemoBrowserTests.Query(link, "username"));
        var code = DemoBrowserTests.Query(link, "code");
        var wrong = await PostAsync("api/auth/confirm", new { username = email, code = code == "000000" ? "111111" : "000000" });
        await AssertProblem(wrong, HttpStatusCode.BadRequest, "CodeMismatch");

        var right = await PostAsync("api/auth/confirm", new { username = email, code });
        Assert.Equal(HttpStatusCode.NoContent, right.StatusCode);
        Assert.Equal("CONFIRMED", await fixture.Stack.Admin.GetUserStatusAsync(fixture.Stack.UserPoolId, email));
    }

    [Fact]
    public async Task Resend_UnconfirmedUser_SendsANewLinkThatConfirms()
    {
        var email = DemoStackFixture.NewEmail("api-resend");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("api/auth/signup", new { email, password = DemoStackFixture.Password })).StatusCode);
        await fixture.Inbox.WaitForLinkAsync(email, "/verify");

        var resend = await PostAsync("api/auth/resend", new { username = email });
        Assert.Equal(HttpStatusCode.OK, resend.StatusCode);
        Assert.Equal(email, (await Json(resend))["destination"]!.GetValue<string>());
        var link = await fixture.Inbox.WaitForLinkAsync(email, "/verify", alreadySeen: 1);

        var confirm = await PostAsync("api/auth/confirm", new { username = email, code = DemoBrowserTests.Query(link, "code") });
        Assert.Equal(HttpStatusCode.NoContent, confirm.StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPasswordOrUnknownUser_Answers401Problem()
    {
        var email = await ConfirmedUserAsync("api-wrongpw");
        await AssertProblem(await PostAsync("api/auth/signin", new { username = email, password = "Wrong-Passw0rd!" }), HttpStatusCode.Unauthorized, null);
        await AssertProblem(await PostAsync("api/auth/signin", new { username = DemoStackFixture.NewEmail("nobody"), password = "Wrong-Passw0rd!" }), HttpStatusCode.Unauthorized, null);
    }

    [Fact]
    public async Task Me_ValidBearerToken_ReturnsValidatedClaims()
    {
        var email = await ConfirmedUserAsync("api-me");
        var tokens = await SignInAsync(email, DemoStackFixture.Password);

        using var me = await GetAsync("api/me", tokens["accessToken"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var claims = await Json(me);
        Assert.Matches("^[0-9a-f-]{36}$", claims["sub"]!.GetValue<string>());
        Assert.Equal("access", claims["tokenUse"]!.GetValue<string>());
        Assert.Equal(fixture.Stack.ClientId, claims["clientId"]!.GetValue<string>());
        Assert.Empty(claims["groups"]!.AsArray());
        Assert.True(claims["expiresAt"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Me_MissingTamperedOrExpiredToken_Answers401()
    {
        var email = await ConfirmedUserAsync("api-401");
        var access = (await SignInAsync(email, DemoStackFixture.Password))["accessToken"]!.GetValue<string>();

        using (var missing = await GetAsync("api/me", null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
            Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("Bearer", missing.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        // Payload changed, signature kept.
        var parts = access.Split('.');
        var payload = JsonNode.Parse(Base64UrlDecode(parts[1]))!.AsObject();
        payload["username"] = "someone-else";
        var tampered = $"{parts[0]}.{Base64UrlEncode(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";
        using (var response = await GetAsync("api/me", tampered))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        // Correctly signed by the pool's key, but expired an hour ago.
        var expiredPayload = JsonNode.Parse(Base64UrlDecode(parts[1]))!.AsObject();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        expiredPayload["iat"] = now - 7200;
        expiredPayload["auth_time"] = now - 7200;
        expiredPayload["exp"] = now - 3600;
        using (var response = await GetAsync("api/me", SignWithCognitoLocalKey(parts[0], expiredPayload)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("expired", response.Headers.WwwAuthenticate.ToString(), StringComparison.OrdinalIgnoreCase);
        }

        // The same re-signing with a fresh expiry is accepted: the 401s above are about the tampering and the expiry.
        var freshPayload = JsonNode.Parse(Base64UrlDecode(parts[1]))!.AsObject();
        using (var response = await GetAsync("api/me", SignWithCognitoLocalKey(parts[0], freshPayload)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Admin_UserOutsideThenInsideTheGroup_Answers403Then200()
    {
        var email = await ConfirmedUserAsync("api-admin");
        var access = (await SignInAsync(email, DemoStackFixture.Password))["accessToken"]!.GetValue<string>();
        using (var forbidden = await GetAsync("api/admin", access))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
            Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
        }

        await fixture.Stack.Admin.AddUserToGroupAsync(fixture.Stack.UserPoolId, email, LocalCognitoStack.AdminGroup);
        var inGroup = (await SignInAsync(email, DemoStackFixture.Password))["accessToken"]!.GetValue<string>();
        using var allowed = await GetAsync("api/admin", inGroup);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        using var me = await GetAsync("api/me", inGroup);
        Assert.Equal(LocalCognitoStack.AdminGroup, Assert.Single((await Json(me))["groups"]!.AsArray())!.GetValue<string>());
    }

    [Fact]
    public async Task Refresh_ValidThenRevokedRefreshToken_IssuesTokensThenAnswers401()
    {
        var email = await ConfirmedUserAsync("api-refresh");
        var tokens = await SignInAsync(email, DemoStackFixture.Password);
        var refreshToken = tokens["refreshToken"]!.GetValue<string>();

        var refreshed = await PostAsync("api/auth/refresh", new { refreshToken, username = tokens["username"]?.GetValue<string>() });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var access = (await Json(refreshed))["accessToken"]!.GetValue<string>();
        using (var me = await GetAsync("api/me", access))
        {
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }

        using var signOut = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Demo, "api/auth/signout")) { Content = JsonContent.Create(new { refreshToken }) };
        signOut.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
        using (var response = await Http.SendAsync(signOut))
        {
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        var afterSignOut = await PostAsync("api/auth/refresh", new { refreshToken, username = tokens["username"]?.GetValue<string>() });
        await AssertProblem(afterSignOut, HttpStatusCode.Unauthorized, "NotAuthorized");
    }

    [Fact]
    public async Task ForgotAndResetPassword_WrongThenRightCode_AnswersProblemThenChangesThePassword()
    {
        var email = await ConfirmedUserAsync("api-forgot");
        var forgot = await PostAsync("api/auth/forgot-password", new { username = email });
        Assert.Equal(HttpStatusCode.OK, forgot.StatusCode);
        var link = await fixture.Inbox.WaitForLinkAsync(email, "/reset-password");
        var code = DemoBrowserTests.Query(link, "code");

        var wrong = await PostAsync("api/auth/reset-password", new { username = email, code = code == "000000" ? "111111" : "000000", newPassword = DemoStackFixture.NewPassword });
        await AssertProblem(wrong, HttpStatusCode.BadRequest, "CodeMismatch");
        var right = await PostAsync("api/auth/reset-password", new { username = email, code, newPassword = DemoStackFixture.NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, right.StatusCode);

        await AssertProblem(await PostAsync("api/auth/signin", new { username = email, password = DemoStackFixture.Password }), HttpStatusCode.Unauthorized, "NotAuthorized");
        await SignInAsync(email, DemoStackFixture.NewPassword);
    }

    [Fact]
    public async Task ChangePassword_WrongThenRightPreviousPassword_AnswersProblemThenChanges()
    {
        var email = await ConfirmedUserAsync("api-change");
        var access = (await SignInAsync(email, DemoStackFixture.Password))["accessToken"]!.GetValue<string>();

        using (var unauthenticated = await SendAsync(HttpMethod.Post, "api/auth/change-password", null, new { previousPassword = DemoStackFixture.Password, proposedPassword = DemoStackFixture.NewPassword }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        }

        using (var wrong = await SendAsync(HttpMethod.Post, "api/auth/change-password", access, new { previousPassword = "Wrong-Passw0rd!", proposedPassword = DemoStackFixture.NewPassword }))
        {
            await AssertProblem(wrong, HttpStatusCode.Unauthorized, "NotAuthorized");
        }

        using (var right = await SendAsync(HttpMethod.Post, "api/auth/change-password", access, new { previousPassword = DemoStackFixture.Password, proposedPassword = DemoStackFixture.NewPassword }))
        {
            Assert.Equal(HttpStatusCode.NoContent, right.StatusCode);
        }

        await SignInAsync(email, DemoStackFixture.NewPassword);
    }

    [Fact]
    public async Task FormPost_WithoutAntiforgeryToken_IsRejected()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "a@example.com", ["password"] = "x" });
        using var response = await Http.PostAsync(new Uri(fixture.Demo, "signin"), form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AuthEndpoints_OverTheRateLimit_Answer429Problem()
    {
        var port = PeerProcess.FreePort();
        await using var limited = await DemoHost.StartAsync(fixture.Stack, extraSettings: new Dictionary<string, string?> { ["Demo:RateLimit:PermitLimit"] = "2" }, port: port);
        var url = new Uri($"http://127.0.0.1:{port}/api/auth/signin");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await Http.PostAsJsonAsync(url, new { username = "nobody@example.com", password = "Wrong-Passw0rd!" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SignInPage_OverHttpOrHttps_SetsHttpOnlyStrictCookiesSecureOnlyOverHttps(bool https)
    {
        var email = await ConfirmedUserAsync("cookies");
        var port = PeerProcess.FreePort();
        var settings = new Dictionary<string, string?>();
        var certificate = Path.Combine(Path.GetTempPath(), $"exanubes-demo-{Guid.NewGuid():N}.pfx");
        if (https)
        {
            using var rsa = RSA.Create(2048);
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
            await File.WriteAllBytesAsync(certificate, cert.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "test"));
            settings["Kestrel:Certificates:Default:Path"] = certificate;
            settings["Kestrel:Certificates:Default:Password"] = "test";
        }

        try
        {
            await using var host = await DemoHost.StartAsync(fixture.Stack, extraSettings: settings, port: port, https: https);
            using var handler = new HttpClientHandler
            {
                UseCookies = false,
                AllowAutoRedirect = false,
                ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator, // our own throw-away loopback certificate
            };
            using var client = new HttpClient(handler) { BaseAddress = new Uri($"{(https ? "https" : "http")}://127.0.0.1:{port}/") };

            using var page = await client.GetAsync(new Uri("signin", UriKind.Relative));
            var html = await page.Content.ReadAsStringAsync();
            var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            Assert.NotEmpty(token);
            var antiforgeryCookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("demo_antiforgery=", StringComparison.Ordinal)).Split(';')[0];

            using var form = new HttpRequestMessage(HttpMethod.Post, new Uri("signin", UriKind.Relative))
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token),
                    ["email"] = email,
                    ["password"] = DemoStackFixture.Password,
                }),
            };
            form.Headers.Add("Cookie", antiforgeryCookie);
            using var signedIn = await client.SendAsync(form);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            var cookies = signedIn.Headers.GetValues("Set-Cookie").ToList();
            foreach (var name in new[] { "demo_access", "demo_refresh" })
            {
                var cookie = cookies.Single(c => c.StartsWith(name + "=", StringComparison.Ordinal)).ToLowerInvariant();
                Assert.Contains("httponly", cookie, StringComparison.Ordinal);
                Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
                Assert.Equal(https, cookie.Contains("secure", StringComparison.Ordinal));
            }
        }
        finally
        {
            File.Delete(certificate);
        }
    }

    [Fact]
    public async Task SignInPage_ReturnUrlOffSite_RedirectsToMeNotAway()
    {
        var email = await ConfirmedUserAsync("redirect");
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = fixture.Demo, Timeout = TimeSpan.FromSeconds(30) };

        // A browser drops tabs and newlines inside a URL, so "/\t/evil.example" is followed as "//evil.example".
        var cases = new[] { ("/admin", "/admin"), ("/\t/evil.example", "/me"), ("/\t\\evil.example", "/me"), ("//evil.example", "/me"), ("/\\evil.example", "/me"), ("https://evil.example/", "/me") };
        foreach (var (returnUrl, expected) in cases)
        {
            using var page = await client.GetAsync(new Uri("signin", UriKind.Relative));
            var html = await page.Content.ReadAsStringAsync();
            var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            var antiforgeryCookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("demo_antiforgery=", StringComparison.Ordinal)).Split(';')[0];
            using var form = new HttpRequestMessage(HttpMethod.Post, new Uri("signin", UriKind.Relative))
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token),
                    ["returnUrl"] = returnUrl,
                    ["email"] = email,
                    ["password"] = DemoStackFixture.Password,
                }),
            };
            form.Headers.Add("Cookie", antiforgeryCookie);

            using var signedIn = await client.SendAsync(form);

            Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"returnUrl {returnUrl.ReplaceLineEndings("\\n")}: HTTP {(int)signedIn.StatusCode}");
            Assert.Equal(expected, signedIn.Headers.Location?.OriginalString);
        }
    }

    [Theory]
    [InlineData("api/auth/signin", """{"username":"","password":"Passw0rd!demo"}""")]
    [InlineData("api/auth/signin", """{"password":"Passw0rd!demo"}""")]
    [InlineData("api/auth/confirm", """{"username":"someone@example.com"}""")]
    [InlineData("api/auth/resend", """{}""")]
    [InlineData("api/auth/reset-password", """{"username":"someone@example.com","code":"","newPassword":"N3w-Passw0rd!demo"}""")]
    public async Task AuthApi_MissingOrEmptyField_Answers400ProblemNot500(string path, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        using var response = await Http.PostAsync(new Uri(fixture.Demo, path), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json(response);
        Assert.Equal("InvalidRequest", problem["title"]?.GetValue<string>());
        Assert.DoesNotContain("   at ", problem.ToJsonString(), StringComparison.Ordinal);
    }

    private async Task<string> ConfirmedUserAsync(string prefix)
    {
        var email = DemoStackFixture.NewEmail(prefix);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("api/auth/signup", new { email, password = DemoStackFixture.Password })).StatusCode);
        var link = await fixture.Inbox.WaitForLinkAsync(email, "/verify");
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync("api/auth/confirm", new { username = email, code = DemoBrowserTests.Query(link, "code") })).StatusCode);
        return email;
    }

    private async Task<JsonObject> SignInAsync(string email, string password)
    {
        var response = await PostAsync("api/auth/signin", new { username = email, password });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"sign-in failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await Json(response);
    }

    private Task<HttpResponseMessage> PostAsync(string path, object body) => Http.PostAsJsonAsync(new Uri(fixture.Demo, path), body);

    private Task<HttpResponseMessage> GetAsync(string path, string? bearer) => SendAsync(HttpMethod.Get, path, bearer, null);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? bearer, object? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(fixture.Demo, path));
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await Http.SendAsync(request);
    }

    private static async Task<JsonObject> Json(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string? title)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()));
        if (title is not null)
        {
            Assert.Equal(title, problem["title"]!.GetValue<string>());
        }
    }

    private static string SignWithCognitoLocalKey(string header, JsonObject payload)
    {
        var keyFile = JsonNode.Parse(File.ReadAllText(NodePeers.PackageFile("cognito-local", "lib/keys/cognitoLocal.private.json")))!.AsObject();
        using var rsa = RSA.Create();
        rsa.ImportFromPem(keyFile["pem"]!.GetValue<string>());
        var signingInput = $"{header}.{Base64UrlEncode(Encoding.UTF8.GetBytes(payload.ToJsonString()))}";
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64UrlEncode(signature)}";
    }

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base64UrlDecode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
