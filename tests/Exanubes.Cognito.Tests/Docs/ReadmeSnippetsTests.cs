using System.Security.Claims;
using Exanubes.Cognito.Authentication;
using Exanubes.Cognito.Tokens;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;

namespace Exanubes.Cognito.Tests.Docs;

/// <summary>
/// The root README's quick-start code for <c>Exanubes.Cognito</c>, compiled here statement for statement (snippets
/// 1, 2 and 4), so a renamed type or changed signature breaks the build instead of the manual. Nothing reaches the
/// network: apps are built, not started, and the tokens used are rejected before any key fetch.
/// </summary>
public sealed class ReadmeSnippetsTests
{
    private static readonly Dictionary<string, string?> AppSettings = new()
    {
        ["Cognito:UserPoolId"] = "eu-west-1_AbCdEf123",
        ["Cognito:ClientId"] = "1example23456789",
    };

    [Fact]
    public async Task QuickStartApi_Build_RegistersServicesPoliciesAndValidOptions()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(AppSettings);
        QuickStartApi.ConfigureServices(builder);
        await using var app = builder.Build();
        QuickStartApi.Map(app);

        app.Services.GetRequiredService<IStartupValidator>().Validate();
        Assert.NotNull(app.Services.GetService<ICognitoAuthService>());
        Assert.NotNull(app.Services.GetService<ICognitoAdminService>());
        Assert.NotNull(app.Services.GetService<ICognitoTokenValidator>());
        var policies = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        Assert.NotNull(await policies.GetPolicyAsync("admins"));
        Assert.NotNull(await policies.GetPolicyAsync("orders:read"));
        Assert.Null(await policies.GetPolicyAsync("not-in-the-readme"));
        var options = app.Services.GetRequiredService<IOptions<CognitoAuthOptions>>().Value;
        Assert.Equal("eu-west-1_AbCdEf123", options.UserPoolId);
        Assert.Equal("eu-west-1", options.UserPool!.Region);
    }

    [Fact]
    public async Task SignInAsync_NewPasswordChallenge_AnswersAndReturnsTokens()
    {
        var challenge = new CognitoChallenge(CognitoChallengeNames.NewPasswordRequired, "session", "alice", new Dictionary<string, string>());
        var tokens = new CognitoTokens("access", "id", "refresh", "Bearer", TimeSpan.FromHours(1), "alice");
        var cognito = new Mock<ICognitoAuthService>(MockBehavior.Strict);
        cognito.Setup(c => c.SignInWithSrpAsync("alice", "Passw0rd!", It.IsAny<CognitoCallContext?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(CognitoResult<CognitoSignInResult>.Success(CognitoSignInResult.Challenge(challenge)));
        cognito.Setup(c => c.RespondToChallengeAsync(challenge, It.IsAny<CognitoChallengeResponse>(), It.IsAny<CognitoCallContext?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(CognitoResult<CognitoSignInResult>.Success(CognitoSignInResult.SignedIn(tokens)));
        var asked = new List<CognitoChallengeName>();

        var result = await QuickStartFlows.SignInAsync(cognito.Object, "alice", "Passw0rd!", c =>
        {
            asked.Add(c.ChallengeName);
            return Task.FromResult("N3w-Passw0rd!");
        }, CancellationToken.None);

        Assert.Same(tokens, result);
        Assert.Equal([CognitoChallengeName.NewPasswordRequired], asked);
    }

    [Fact]
    public async Task AddAuthenticatorApp_ScannedCode_VerifiesAndPrefersTotp()
    {
        var cognito = new Mock<ICognitoAuthService>(MockBehavior.Strict);
        cognito.Setup(c => c.BeginTotpSetupAsync("access", It.IsAny<CancellationToken>()))
            .ReturnsAsync(CognitoResult<CognitoTotpSetup>.Success(new CognitoTotpSetup("JBSWY3DPEHPK3PXP", null)));
        cognito.Setup(c => c.CompleteTotpSetupAsync("access", "123456", "phone", It.IsAny<CancellationToken>()))
            .ReturnsAsync(CognitoResult.Success);
        cognito.Setup(c => c.SetMfaPreferenceAsync("access", It.Is<CognitoMfaPreference>(p => p.Preferred == CognitoMfaMethod.Totp), It.IsAny<CancellationToken>()))
            .ReturnsAsync(CognitoResult.Success);

        var qr = await QuickStartFlows.AddAuthenticatorAppAsync(cognito.Object, "access", "alice", _ => Task.FromResult("123456"), CancellationToken.None);

        Assert.Equal("otpauth", qr.Scheme);
        Assert.Contains("JBSWY3DPEHPK3PXP", qr.Query, StringComparison.Ordinal);
        cognito.VerifyAll();
    }

    [Fact]
    public async Task SignInAsync_NotAuthorized_ReturnsNull()
    {
        var cognito = new Mock<ICognitoAuthService>(MockBehavior.Strict);
        cognito.Setup(c => c.SignInWithSrpAsync("alice", "wrong", It.IsAny<CognitoCallContext?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(CognitoResult<CognitoSignInResult>.Failure(
                new CognitoError(CognitoErrorCode.NotAuthorized, "NotAuthorizedException", "Incorrect username or password.", System.Net.HttpStatusCode.BadRequest)));

        var result = await QuickStartFlows.SignInAsync(cognito.Object, "alice", "wrong", _ => Task.FromResult("unused"), CancellationToken.None);

        Assert.Null(result);
    }

    [Fact]
    public async Task QuickStartValidation_MalformedTokens_RejectedWithoutPrincipal()
    {
        var user = await QuickStartValidation.RunAsync("not-a-jwt", "also.not.ajwt", CancellationToken.None);

        Assert.Null(user);
    }

    [Fact]
    public async Task QuickStartValidation_MultiplePools_BothAccepted()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        QuickStartValidation.AddPools(services);
        await using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptions<CognitoTokenValidationOptions>>().Value;

        Assert.Equal(["eu-west-1_AbCdEf123", "us-east-1_XyZ987abc"], options.UserPools.Select(p => p.UserPoolId));
        Assert.Equal(["partners"], options.UserPools[1].RequiredGroups);
    }

    [Fact]
    public void Onboarding_Resolves_FromAddCognitoAuth()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCognitoAuth(o =>
        {
            o.UserPoolId = "eu-west-1_AbCdEf123";
            o.ClientId = "1example23456789";
        });
        services.AddSingleton<Onboarding>();
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<Onboarding>());
    }

    /// <summary>README quick start 1, <c>Program.cs</c> (split so the test can build without running).</summary>
    [Fact]
    public async Task CallContext_ForgotFromARequest_SendsTheRequestsIpAndLocale()
    {
        var handler = new IdentityProvider.FakeCognitoHandler(_ => IdentityProvider.FakeCognitoHandler.Fixture("ForgotPassword.json"));
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(AppSettings);
        builder.Services.AddCognitoAuth(builder.Configuration.GetSection("Cognito"));
        builder.Services.AddHttpClient(Exanubes.Cognito.IdentityProvider.CognitoIdentityProviderClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler);
        CallContextSnippet.ConfigureServices(builder);
        await using var app = builder.Build();
        CallContextSnippet.Map(app);
        await app.StartAsync();

        var response = await app.GetTestServer().SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("198.51.100.4");
            c.Request.Method = "POST";
            c.Request.Path = "/forgot";
            c.Request.ContentType = "application/json";
            var json = """{"email":"alice@example.com","locale":"de-AT"}"""u8.ToArray();
            c.Request.Scheme = "https";
            c.Request.Host = new HostString("app.example.com");
            c.Request.ContentLength = json.Length;
            c.Request.Body = new MemoryStream(json);
            c.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>(new HasBody());
        });

        Assert.True(200 == response.Response.StatusCode, $"{response.Response.StatusCode}: {await new StreamReader(response.Response.Body).ReadToEndAsync()}");
        var body = Assert.Single(handler.Requests).Json;
        Assert.Equal("198.51.100.4", (string?)body["UserContextData"]!["IpAddress"]);
        Assert.Equal("de-AT", (string?)body["ClientMetadata"]!["locale"]);
    }

    public sealed record ForgotBody(string Email, string Locale);

    private sealed class HasBody : Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }

    private static class CallContextSnippet
    {
        public static void ConfigureServices(WebApplicationBuilder builder)
        {
            builder.Services.AddCognitoCallContext(); // options: Headers allow-list, EncodedDataFormField, EncodedDataHeader
        }

        public static void Map(WebApplication app)
        {
            app.MapPost("/forgot", async (ForgotBody body, HttpContext http, ICognitoAuthService cognito, CancellationToken ct) =>
            {
                var context = await http.GetCognitoCallContextAsync(new Dictionary<string, string> { ["locale"] = body.Locale }, ct);
                var sent = await cognito.ForgotPasswordAsync(body.Email, context, ct); // UserContextData, ClientMetadata on the wire
                return sent.Succeeded ? Results.Ok() : Results.Problem(sent.Error.Message);
            });
        }
    }

    private static class QuickStartApi
    {
        public static void ConfigureServices(WebApplicationBuilder builder)
        {
            // Cognito calls: ICognitoAuthService, ICognitoAdminService. Bad settings fail at start-up, naming the setting.
            builder.Services.AddCognitoAuth(builder.Configuration.GetSection("Cognito"));

            // Bearer tokens: Cognito *access* tokens of that pool and app client, every check on.
            builder.Services.AddAuthentication(CognitoAuthenticationDefaults.AuthenticationScheme).AddCognitoJwtBearer();
            builder.Services.AddAuthorizationBuilder()
                .AddPolicy("admins", policy => policy.RequireCognitoGroup("admins"))         // cognito:groups, any of; else 403
                .AddPolicy("orders:read", policy => policy.RequireCognitoScope("orders/read")); // scope, any of; else 403
            builder.Services.AddHealthChecks().AddCognitoSigningKeys();                         // JWKS loaded and fresh
        }

        public static void Map(WebApplication app)
        {
            app.UseAuthentication();
            app.UseAuthorization();

            app.MapPost("/signup", async (SignUpBody body, ICognitoAuthService cognito, CancellationToken ct) =>
            {
                var result = await cognito.SignUpAsync(new CognitoSignUpRequest
                {
                    Username = body.Email,
                    Password = body.Password,
                    Attributes = new Dictionary<string, string> { ["email"] = body.Email },
                }, cancellationToken: ct);
                return result.Succeeded
                    ? Results.Ok(new { result.Value.UserSub, result.Value.UserConfirmed, sentTo = result.Value.CodeDelivery?.Destination })
                    : Results.Problem(title: result.Error.Code.ToString(), detail: result.Error.Message, statusCode: 400);
            });

            app.MapPost("/confirm", async (ConfirmBody body, ICognitoAuthService cognito, CancellationToken ct) =>
            {
                var result = await cognito.ConfirmSignUpAsync(body.Username, body.Code, cancellationToken: ct);
                return result.Succeeded ? Results.NoContent() : Results.Problem(title: result.Error.Code.ToString(), statusCode: 400);
            });

            app.MapGet("/me", (ClaimsPrincipal user) => new
            {
                sub = user.FindFirstValue(CognitoClaimTypes.Subject),
                username = user.FindFirstValue(CognitoClaimTypes.Username),
                groups = user.FindAll(CognitoClaimTypes.Groups).Select(c => c.Value),
            }).RequireAuthorization();

            app.MapGet("/admin", () => "Welcome, admin.").RequireAuthorization("admins");
            app.MapHealthChecks("/health");
        }

        internal sealed record SignUpBody(string Email, string Password);

        internal sealed record ConfirmBody(string Username, string Code);
    }

    /// <summary>README quick start 1, "Sign-in, challenges, refresh".</summary>
    private static class QuickStartFlows
    {
        public static async Task<CognitoTokens?> SignInAsync(
            ICognitoAuthService cognito, string username, string password,
            Func<CognitoChallenge, Task<string>> ask, CancellationToken ct)
        {
            // SRP keeps the password in the process; SignInAsync (USER_PASSWORD_AUTH) sends it to Cognito over TLS.
            var signIn = await cognito.SignInWithSrpAsync(username, password, cancellationToken: ct);
            if (!signIn.Succeeded)
            {
                // NotAuthorized (wrong password), UserNotConfirmed, PasswordResetRequired, TooManyRequests, ...
                return null;
            }

            var step = signIn.Value;
            while (!step.IsSignedIn)
            {
                var challenge = step.NextStep;
                var answer = challenge.ChallengeName switch
                {
                    CognitoChallengeName.NewPasswordRequired => CognitoChallengeResponse.NewPassword(await ask(challenge)),
                    CognitoChallengeName.SoftwareTokenMfa or CognitoChallengeName.SmsMfa or CognitoChallengeName.EmailOtp
                        => CognitoChallengeResponse.MfaCode(await ask(challenge)),
                    _ => throw new NotSupportedException($"Challenge {challenge.Name} is not handled here."),
                };
                step = (await cognito.RespondToChallengeAsync(challenge, answer, cancellationToken: ct)).EnsureSuccess(); // throws CognitoException
            }

            return step.Tokens; // AccessToken, IdToken, RefreshToken, ExpiresIn, Username
        }

        /// <summary>README "Authenticator apps (TOTP) and MFA preference".</summary>
        public static async Task<Uri> AddAuthenticatorAppAsync(
            ICognitoAuthService cognito, string accessToken, string username, Func<Uri, Task<string>> scanAndType, CancellationToken ct)
        {
            var setup = (await cognito.BeginTotpSetupAsync(accessToken, ct)).EnsureSuccess();
            Uri qr = setup.GetAuthenticatorUri(issuer: "My App", accountName: username); // otpauth:// URI for a QR code
            var code = await scanAndType(qr); // ... the user scans it and types the 6-digit code ...
            (await cognito.CompleteTotpSetupAsync(accessToken, code, friendlyDeviceName: "phone", ct)).EnsureSuccess();
            (await cognito.SetMfaPreferenceAsync(accessToken, new CognitoMfaPreference { Preferred = CognitoMfaMethod.Totp }, ct)).EnsureSuccess();
            return qr;
        }

        public static async Task<CognitoTokens> RefreshAsync(ICognitoAuthService cognito, CognitoTokens tokens, CancellationToken ct)
        {
            // The user name is needed only when the app client has a secret (Cognito hashes the internal user name).
            var refreshed = await cognito.RefreshAsync(tokens.RefreshToken!, tokens.Username, cancellationToken: ct);
            return refreshed.EnsureSuccess();
        }
    }

    /// <summary>README "Passwordless sign-in, passkeys and remembered devices".</summary>
    private static class PasswordlessPasskeysDevices
    {
        public static async Task<CognitoTokens?> EmailCodeAsync(
            ICognitoPasswordless passwordless, ICognitoAuthService cognito, string email, Func<string, Task<string>> askForCode, CancellationToken ct)
        {
            var step = (await passwordless.SignInAsync(new CognitoUserAuthRequest(email) { PreferredFirstFactor = CognitoFirstFactor.EmailOtp }, cancellationToken: ct)).EnsureSuccess();
            var code = await askForCode(step.NextStep!.CodeDelivery!.Destination!);
            var tokens = (await cognito.RespondToChallengeAsync(step.NextStep!, CognitoChallengeResponse.MfaCode(code), cancellationToken: ct)).EnsureSuccess().Tokens;
            return tokens;
        }

        public static async Task<CognitoSignInResult> PasskeyAsync(
            Exanubes.Cognito.Passkeys.ICognitoPasskeys passkeys, ICognitoPasswordless passwordless, ICognitoAuthService cognito, string accessToken, string email,
            Func<string, Task<string>> browserCreate, Func<string, Task<string>> browserGet, CancellationToken ct)
        {
            string creationOptions = (await passkeys.StartRegistrationAsync(accessToken, ct)).EnsureSuccess(); // to navigator.credentials.create
            var attestationJson = await browserCreate(creationOptions);
            (await passkeys.CompleteRegistrationAsync(accessToken, attestationJson, ct)).EnsureSuccess();      // credential.toJSON()
            var passkeyStep = (await passwordless.SignInAsync(new CognitoUserAuthRequest(email) { PreferredFirstFactor = CognitoFirstFactor.WebAuthn }, cancellationToken: ct)).EnsureSuccess().NextStep!;
            var assertionJson = await browserGet(passkeyStep.CredentialRequestOptionsJson!);
            var signedIn = (await cognito.RespondToChallengeAsync(passkeyStep, CognitoChallengeResponse.WebAuthn(assertionJson), cancellationToken: ct)).EnsureSuccess();
            return signedIn;
        }

        public static async Task RememberAsync(Exanubes.Cognito.Devices.ICognitoDevices devices, CognitoTokens tokens, bool userTickedRememberMe, CancellationToken ct)
        {
            if (tokens.NewDevice is not null && userTickedRememberMe)
            {
                (await devices.RememberDeviceAsync(tokens, deviceName: "Firefox on my laptop", ct)).EnsureSuccess();
            }
        }
    }

    /// <summary>README "Several pools in one app".</summary>
    private static class SeveralPools
    {
        public static void ConfigureServices(WebApplicationBuilder builder)
        {
            builder.Services.AddCognitoAuth("tenant-a", builder.Configuration.GetSection("Tenants:A"));
            builder.Services.AddCognitoAuth("tenant-b", o =>
            {
                o.UserPoolId = "eu-central-1_Tenant2b";
                o.ClientId = "2example23456789";
            });
        }

        internal sealed class TenantSignIn(
            [FromKeyedServices("tenant-a")] ICognitoAuthService tenantA,
            [FromKeyedServices("tenant-a")] ICognitoTokenValidator tenantATokens)
        {
            public async Task<string?> SignInAsync(string username, string password, CancellationToken ct)
            {
                var signIn = (await tenantA.SignInWithSrpAsync(username, password, cancellationToken: ct)).EnsureSuccess();
                var token = await tenantATokens.ValidateAccessTokenAsync(signIn.Tokens!.AccessToken, ct); // tenant-b's tokens fail
                return token.Subject;
            }
        }
    }

    [Fact]
    public async Task SeveralPools_Build_ResolvesEachPoolByKeyWithItsOwnOptions()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tenants:A:UserPoolId"] = "eu-west-1_TenantA1",
            ["Tenants:A:ClientId"] = "1example23456789",
        });
        SeveralPools.ConfigureServices(builder);
        builder.Services.AddSingleton<SeveralPools.TenantSignIn>();
        await using var app = builder.Build();

        app.Services.GetRequiredService<IStartupValidator>().Validate();
        Assert.NotNull(app.Services.GetRequiredService<SeveralPools.TenantSignIn>());
        Assert.NotSame(app.Services.GetRequiredKeyedService<ICognitoAuthService>("tenant-a"), app.Services.GetRequiredKeyedService<ICognitoAuthService>("tenant-b"));
        Assert.NotNull(app.Services.GetRequiredKeyedService<ICognitoAdminService>("tenant-b"));
        Assert.Null(app.Services.GetService<ICognitoAuthService>());
        var monitor = app.Services.GetRequiredService<IOptionsMonitor<CognitoAuthOptions>>();
        Assert.Equal(new Uri("https://cognito-idp.eu-west-1.amazonaws.com/"), monitor.Get("tenant-a").ResolvedServiceUrl);
        Assert.Equal(new Uri("https://cognito-idp.eu-central-1.amazonaws.com/"), monitor.Get("tenant-b").ResolvedServiceUrl);
    }

    /// <summary>README quick start 2.</summary>
    private static class QuickStartValidation
    {
        public static async Task<ClaimsPrincipal?> RunAsync(string jwt, string idToken, CancellationToken ct)
        {
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddCognitoAuth(o =>
            {
                o.UserPoolId = "eu-west-1_AbCdEf123";
                o.ClientId = "1example23456789";
            });
            services.AddCognitoTokenValidation(); // the pool and client above; a hosted service warms the JWKS when in a host
            await using var provider = services.BuildServiceProvider();
            var validator = provider.GetRequiredService<ICognitoTokenValidator>();

            try
            {
                CognitoValidatedToken token = await validator.ValidateAccessTokenAsync(jwt, ct);
                Console.WriteLine($"{token.Subject} {token.Username} [{string.Join(", ", token.Groups)}] until {token.ExpiresAt:O}");
            }
            catch (CognitoTokenExpiredException ex)
            {
                Console.WriteLine($"expired: {ex.Message}"); // ex.Expected / ex.Actual, never the token
            }
            catch (CognitoTokenValidationException ex)
            {
                Console.WriteLine($"rejected ({ex.GetType().Name}): {ex.Message}");
            }

            // No exception for an invalid token (cancellation still throws):
            var result = await validator.TryValidateAsync(idToken, CognitoTokenUse.Id, ct);
            ClaimsPrincipal? user = result.IsValid ? result.Token.CreatePrincipal() : null;
            Assert.IsType<CognitoTokenMalformedException>(result.Error);
            return user;
        }

        public static void AddPools(IServiceCollection services)
        {
            services.AddCognitoTokenValidation(options =>
            {
                var web = new CognitoUserPoolTokenOptions { UserPoolId = "eu-west-1_AbCdEf123" };
                web.ClientIds.Add("1example23456789");
                web.ClientIds.Add("2mobile3456789ab");
                var partners = new CognitoUserPoolTokenOptions
                {
                    UserPoolId = "us-east-1_XyZ987abc",
                    MaxAuthenticationAge = TimeSpan.FromHours(8),
                };
                partners.ClientIds.Add("3partner456789abc");
                partners.RequiredGroups.Add("partners");
                options.UserPools.Add(web);
                options.UserPools.Add(partners);
            });
        }
    }

    /// <summary>README quick start 4.</summary>
    internal sealed class Onboarding(ICognitoAdminService admin)
    {
        public async Task InviteAdminAsync(string email, CancellationToken ct)
        {
            var created = await admin.CreateUserAsync(new CognitoAdminCreateUserRequest
            {
                Username = email,
                Attributes = new Dictionary<string, string> { ["email"] = email, ["email_verified"] = "true" },
                DesiredDeliveryMediums = ["EMAIL"],   // through the Custom Email Sender when the pool has one
            }, cancellationToken: ct);
            if (!created.Succeeded && created.Error.Code != CognitoErrorCode.UsernameExists)
            {
                throw new CognitoException(created.Error);
            }

            (await admin.AddUserToGroupAsync(email, "admins", ct)).EnsureSuccess();
        }
    }
}
