using System.Security.Claims;
using Exanubes.Cognito.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Exanubes.Cognito.Tests.Tokens.TestTokens;

namespace Exanubes.Cognito.Tests.Tokens;

public sealed class CognitoTokenValidatorTests
{
    public static TheoryData<string> CraftedTokenNames => CraftedTokens.Names;

    [Theory]
    [MemberData(nameof(CraftedTokenNames))]
    public async Task ValidateAsync_CraftedToken_ThrowsTypedErrorWithExactMessage(string name)
    {
        await using var harness = await ValidatorHarness.CreateAsync();
        var crafted = CraftedTokens.Get(name);

        var error = await Assert.ThrowsAnyAsync<CognitoTokenValidationException>(
            async () => await harness.Validator.ValidateAsync(crafted.Token, crafted.Use));

        Assert.Equal(crafted.Exception, error.GetType());
        Assert.Equal(crafted.Message, error.Message);
        Assert.DoesNotContain(crafted.Token, error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<Microsoft.IdentityModel.Tokens.SecurityTokenValidationException>(error);
    }

    [Theory]
    [MemberData(nameof(CraftedTokenNames))]
    public async Task TryValidateAsync_CraftedToken_ReturnsSameErrorWithoutThrowing(string name)
    {
        await using var harness = await ValidatorHarness.CreateAsync();
        var crafted = CraftedTokens.Get(name);

        var result = await harness.Validator.TryValidateAsync(crafted.Token, crafted.Use);

        Assert.False(result.IsValid);
        Assert.Equal(crafted.Exception, result.Error.GetType());
        Assert.Equal(crafted.Message, result.Error.Message);
    }

    [Theory]
    [MemberData(nameof(CraftedTokenNames))]
    public async Task ValidateAsync_CraftedToken_LogsNeverContainTheToken(string name)
    {
        await using var harness = await ValidatorHarness.CreateAsync();
        var crafted = CraftedTokens.Get(name);

        await harness.Validator.TryValidateAsync(crafted.Token, crafted.Use);

        var logs = harness.Logs.GetSnapshot();
        Assert.Contains(logs, r => r.Id.Id == 3004 && r.Message.Contains(crafted.Message, StringComparison.Ordinal));
        foreach (var part in crafted.Token.Split('.').Where(p => p.Length > 8))
        {
            Assert.DoesNotContain(logs, r => r.Message.Contains(part, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ValidateAccessTokenAsync_ValidToken_ReturnsTypedClaims()
    {
        await using var harness = await ValidatorHarness.CreateAsync();

        var token = await harness.Validator.ValidateAccessTokenAsync(Access());

        Assert.Equal(CognitoTokenUse.Access, token.TokenUse);
        Assert.Equal(PoolId, token.UserPoolId);
        Assert.Equal(Issuer, token.Issuer);
        Assert.Equal("key-1", token.KeyId);
        Assert.Equal(Subject, token.Subject);
        Assert.Equal("alice", token.Username);
        Assert.Equal(ClientId, token.ClientId);
        Assert.Equal(["admin", "staff"], token.Groups);
        Assert.Equal(["aws.cognito.signin.user.admin", "orders/read"], token.Scopes);
        Assert.Equal(Now.AddSeconds(-60), token.AuthTime);
        Assert.Equal(Now.AddSeconds(-60), token.IssuedAt);
        Assert.Equal(Now.AddSeconds(3600), token.ExpiresAt);
        Assert.Null(token.NotBefore);
        Assert.Equal("0f5b3e1c-2d4a-4b6c-8e9f-a1b2c3d4e5f6", token.OriginJti);
        Assert.Equal("d4c3b2a1-0f9e-4d8c-b7a6-958473625140", token.JwtId);
    }

    [Fact]
    public async Task ValidateIdTokenAsync_ValidToken_ReturnsTypedClaimsFromAud()
    {
        await using var harness = await ValidatorHarness.CreateAsync();

        var token = await harness.Validator.ValidateIdTokenAsync(Id());

        Assert.Equal(CognitoTokenUse.Id, token.TokenUse);
        Assert.Equal("alice", token.Username);
        Assert.Equal(ClientId, token.ClientId);
        Assert.Empty(token.Scopes);
    }

    [Fact]
    public async Task CreatePrincipal_IdToken_CarriesEveryClaimUnderItsCognitoName()
    {
        await using var harness = await ValidatorHarness.CreateAsync();
        var token = await harness.Validator.ValidateIdTokenAsync(Id());

        var principal = token.CreatePrincipal();

        Assert.Equal("alice", principal.Identity!.Name);
        Assert.True(principal.IsInRole("admin"));
        Assert.Equal("alice@example.com", principal.FindFirstValue(CognitoClaimTypes.Email));
        Assert.Equal("true", principal.FindFirstValue(CognitoClaimTypes.EmailVerified));
        Assert.Equal("gold", principal.FindFirstValue("custom:tier"));
        Assert.Equal(Subject, principal.FindFirstValue(CognitoClaimTypes.Subject));
        Assert.Null(principal.FindFirst(ClaimTypes.NameIdentifier));
        Assert.NotSame(principal, token.CreatePrincipal());
    }

    [Fact]
    public async Task CreatePrincipal_AccessToken_SplitsScopesAndGroups()
    {
        await using var harness = await ValidatorHarness.CreateAsync();
        var token = await harness.Validator.ValidateAccessTokenAsync(Access());

        var principal = token.CreatePrincipal();

        Assert.Equal("alice", principal.Identity!.Name);
        Assert.Equal(["aws.cognito.signin.user.admin", "orders/read"], principal.FindAll(CognitoClaimTypes.Scope).Select(c => c.Value));
        Assert.Equal(["admin", "staff"], principal.FindAll(CognitoClaimTypes.Groups).Select(c => c.Value));
        Assert.Equal(ClaimValueTypes.Integer64, principal.FindFirst(CognitoClaimTypes.ExpiresAt)!.ValueType);
    }

    [Fact]
    public async Task ValidateAsync_ClaimNamesEscapedInJson_ReadLikePlainNames()
    {
        await using var harness = await ValidatorHarness.CreateAsync();
        var payload = Json(AccessPayload()).Replace("\"client_id\"", "\"client\\u005fid\"", StringComparison.Ordinal)
            .Replace("\"token_use\"", "\"\\u0074oken_use\"", StringComparison.Ordinal);
        var twice = Json(AccessPayload()).Replace("\"exp\"", "\"\\u0065xp\"", StringComparison.Ordinal).TrimEnd('}') + ",\"exp\":1}";

        var token = await harness.Validator.ValidateAccessTokenAsync(SignRaw(Json(Header()), payload, TestKeys.Key1));
        var error = await Assert.ThrowsAsync<CognitoTokenMalformedException>(
            async () => await harness.Validator.ValidateAccessTokenAsync(SignRaw(Json(Header()), twice, TestKeys.Key1)));

        Assert.Equal(ClientId, token.ClientId);
        Assert.Equal("The token's claim 'exp' appears more than once.", error.Message);
    }

    [Fact]
    public async Task ValidateAsync_HeaderPointsToAttackerKeys_KeysComeOnlyFromThePoolJwks()
    {
        await using var harness = await ValidatorHarness.CreatePinnedAsync();
        harness.Time.Advance(TimeSpan.FromSeconds(10));
        var header = Header(kid: "attacker").With("jku", "https://attacker.example/jwks.json").With("x5u", "https://attacker.example/cert.pem");
        var forged = Sign(header, AccessPayload(), TestKeys.Key2);

        await Assert.ThrowsAsync<CognitoSigningKeyNotFoundException>(async () => await harness.Validator.ValidateAccessTokenAsync(forged));

        Assert.All(harness.Jwks.RequestedUris, u => Assert.Equal(Issuer + "/.well-known/jwks.json", u.AbsoluteUri));
        Assert.Equal(2, harness.Jwks.Requests);
    }

    [Fact]
    public async Task ValidateAsync_ManyThreadsSharingOneKey_AllAcceptedAndForgeriesAllRejected()
    {
        await using var harness = await ValidatorHarness.CreateAsync(o => o.ValidatedTokenCacheBytes = 0);
        var good = Access();
        var forged = CraftedTokens.Get("tampered payload").Token;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var accepted = 0;
            for (var i = 0; i < 100; i++)
            {
                var result = await harness.Validator.TryValidateAsync((i + worker) % 2 == 0 ? good : forged, CognitoTokenUse.Access);
                accepted += result.IsValid ? 1 : 0;
            }

            return accepted;
        })));

        Assert.Equal(400, results.Sum());
    }

    [Fact]
    public async Task ValidateAsync_ExpiredWithinSkew_Accepted()
    {
        await using var harness = await ValidatorHarness.CreateAsync();

        var token = await harness.Validator.ValidateAccessTokenAsync(Sign(Header(), AccessPayload().With("exp", NowSeconds - 59)));

        Assert.Equal(Subject, token.Subject);
    }

    [Fact]
    public async Task ValidateAsync_ClockSkewZero_TokenExpiringNowRejected()
    {
        await using var harness = await ValidatorHarness.CreateAsync(o => o.ClockSkew = TimeSpan.Zero);

        var error = await Assert.ThrowsAsync<CognitoTokenExpiredException>(
            async () => await harness.Validator.ValidateAccessTokenAsync(Sign(Header(), AccessPayload().With("exp", NowSeconds))));

        Assert.Equal(Time(NowSeconds), error.Actual);
    }

    [Fact]
    public async Task ValidateAsync_ExpectedAndActual_CarryTheCheckedValues()
    {
        await using var harness = await ValidatorHarness.CreateAsync();

        var error = await Assert.ThrowsAsync<CognitoTokenAlgorithmException>(
            async () => await harness.Validator.ValidateAccessTokenAsync(Hs256WithPublicKey()));

        Assert.Equal("RS256", error.Expected);
        Assert.Equal("HS256", error.Actual);
    }

    [Fact]
    public async Task ValidateAsync_SecondCallWithSameToken_ServedFromCacheAndTimeStillChecked()
    {
        await using var harness = await ValidatorHarness.CreateAsync();
        var raw = Sign(Header(), AccessPayload().With("exp", NowSeconds + 120));

        var first = await harness.Validator.ValidateAccessTokenAsync(raw);
        var second = await harness.Validator.ValidateAccessTokenAsync(raw);
        harness.Time.Advance(TimeSpan.FromSeconds(181));

        Assert.Same(first, second);
        await Assert.ThrowsAsync<CognitoTokenExpiredException>(async () => await harness.Validator.ValidateAccessTokenAsync(raw));
    }

    [Fact]
    public async Task ValidateAsync_CachedAccessTokenAskedAsIdToken_StillRejected()
    {
        await using var harness = await ValidatorHarness.CreateAsync();
        var raw = Access();
        await harness.Validator.ValidateAccessTokenAsync(raw);

        await Assert.ThrowsAsync<CognitoTokenUseException>(async () => await harness.Validator.ValidateIdTokenAsync(raw));
    }

    [Fact]
    public async Task ValidateAsync_CacheOff_EveryCallReturnsNewToken()
    {
        await using var harness = await ValidatorHarness.CreateAsync(o => o.ValidatedTokenCacheBytes = 0);
        var raw = Access();

        var first = await harness.Validator.ValidateAccessTokenAsync(raw);
        var second = await harness.Validator.ValidateAccessTokenAsync(raw);

        Assert.NotSame(first, second);
    }

    [Fact]
    public async Task ValidateAsync_ForgedTokens_NeverEnterTheCache()
    {
        await using var harness = await ValidatorHarness.CreateAsync();
        var validator = (CognitoTokenValidator)harness.Validator;

        foreach (var name in CraftedTokens.AllNames)
        {
            var crafted = CraftedTokens.Get(name);
            await harness.Validator.TryValidateAsync(crafted.Token, crafted.Use);
        }

        Assert.Equal(0, validator.Cache!.Count);
    }

    [Fact]
    public async Task ValidateAsync_HeaderOfAForgedToken_NotRememberedUntilATokenWithItVerifies()
    {
        await using var harness = await ValidatorHarness.CreatePinnedAsync(o => o.ValidatedTokenCacheBytes = 0);
        var header = Header().With("x-test", Guid.NewGuid().ToString("N"));
        var forged = Sign(header, AccessPayload(), TestKeys.OtherPoolKey);
        var headerPart = forged[..forged.IndexOf('.')];
        var kid = new char[JwsReader.MaxKidChars];

        Assert.IsType<CognitoTokenSignatureException>((await harness.Validator.TryValidateAsync(forged, CognitoTokenUse.Access)).Error);
        Assert.False(KnownJwsHeaders.TryGet(headerPart, kid, out _));

        var genuine = Sign(header, AccessPayload());
        Assert.Equal(headerPart, genuine[..genuine.IndexOf('.')]);
        Assert.Equal("key-1", (await harness.Validator.ValidateAccessTokenAsync(genuine)).KeyId);
        Assert.True(KnownJwsHeaders.TryGet(headerPart, kid, out var length));
        Assert.Equal("key-1", new string(kid, 0, length));

        // the remembered header changes nothing of the checks that follow it: the forged signature still fails
        Assert.IsType<CognitoTokenSignatureException>((await harness.Validator.TryValidateAsync(forged, CognitoTokenUse.Access)).Error);
    }

    [Fact]
    public async Task ValidateAsync_TokenWhoseSigningInputIsPastTheStackBuffer_VerifiedOverTheWholeInput()
    {
        await using var harness = await ValidatorHarness.CreatePinnedAsync(o => o.ValidatedTokenCacheBytes = 0);
        var large = Sign(Header(), IdPayload().With("custom:notes", new string('n', 6000)));
        Assert.True(large.LastIndexOf('.') > 4096);

        Assert.Equal("custom:notes", (await harness.Validator.ValidateIdTokenAsync(large)).CreatePrincipal().FindFirst("custom:notes")!.Type);

        // "nnn" made "nno" past the stack buffer's size: still well-formed, so only the signature can tell
        var at = large.LastIndexOf("bm5ubm5u", large.LastIndexOf('.'), StringComparison.Ordinal);
        Assert.True(at > 4096);
        var tampered = large[..at] + "bm5v" + large[(at + 4)..];
        Assert.IsType<CognitoTokenSignatureException>((await harness.Validator.TryValidateAsync(tampered, CognitoTokenUse.Id)).Error);
    }

    [Fact]
    public async Task ValidateAsync_ManyDistinctTokens_CacheStaysWithinItsByteBudget()
    {
        await using var harness = await ValidatorHarness.CreateAsync(o => o.ValidatedTokenCacheBytes = 64 * 1024);
        var validator = (CognitoTokenValidator)harness.Validator;
        var padding = new string('x', 1500);

        for (var i = 0; i < 200; i++)
        {
            var raw = Sign(Header(), AccessPayload().With("jti", $"jti-{i}").With("padding", padding));
            await harness.Validator.ValidateAccessTokenAsync(raw);
            Assert.InRange(validator.Cache!.Bytes, 1, 64 * 1024);
        }

        Assert.InRange(validator.Cache!.Count, 1, 30);
        var last = Sign(Header(), AccessPayload().With("jti", "jti-199").With("padding", padding));
        Assert.Same(await harness.Validator.ValidateAccessTokenAsync(last), await harness.Validator.ValidateAccessTokenAsync(last));
    }

    [Fact]
    public async Task ValidateAsync_TokenLongerThanCacheMaximum_ValidatedButNeverCached()
    {
        await using var harness = await ValidatorHarness.CreateAsync(o => o.ValidatedTokenCacheMaxTokenLength = 2000);
        var validator = (CognitoTokenValidator)harness.Validator;
        var large = Sign(Header(), IdPayload().With("custom:notes", new string('n', 2000)));

        var first = await harness.Validator.ValidateIdTokenAsync(large);
        var second = await harness.Validator.ValidateIdTokenAsync(large);
        await harness.Validator.ValidateAccessTokenAsync(Access());

        Assert.NotSame(first, second);
        Assert.Equal(1, validator.Cache!.Count);
    }

    [Fact]
    public async Task ValidateAsync_CacheHitAfterAuthenticationAgePassed_Rejected()
    {
        await using var harness = await ValidatorHarness.CreateAsync(o => o.UserPools.Add(Pool(p => p.MaxAuthenticationAge = TimeSpan.FromMinutes(5))));
        var raw = Sign(Header(), AccessPayload().With("auth_time", NowSeconds - 60));

        var first = await harness.Validator.ValidateAccessTokenAsync(raw);
        harness.Time.Advance(TimeSpan.FromMinutes(6));
        var error = await Assert.ThrowsAsync<CognitoTokenLifetimeException>(async () => await harness.Validator.ValidateAccessTokenAsync(raw));

        Assert.Equal(Subject, first.Subject);
        Assert.Equal($"The user signed in at {Time(NowSeconds - 60)} (auth_time), more than 300 s ago; sign in again.", error.Message);
    }

    [Fact]
    public async Task ValidateAsync_CacheHitAfterItsKeyLeftTheJwks_Rejected()
    {
        await using var harness = await ValidatorHarness.CreateAsync();
        var raw = Access();
        await harness.Validator.ValidateAccessTokenAsync(raw);
        harness.Jwks.Jwks = TestKeys.Jwks(TestKeys.RsaJwk("key-2", TestKeys.Key2));
        await harness.Keys.RefreshAsync();

        var error = await Assert.ThrowsAsync<CognitoSigningKeyNotFoundException>(async () => await harness.Validator.ValidateAccessTokenAsync(raw));

        Assert.Equal($"The signing key 'key-1' is not in the JWKS of user pool '{PoolId}'.", error.Message);
    }

    [Fact]
    public async Task ValidateAsync_CacheHitAfterItsKidNamesOtherKeyMaterial_Rejected()
    {
        await using var harness = await ValidatorHarness.CreateAsync();
        var raw = Access();
        await harness.Validator.ValidateAccessTokenAsync(raw);
        harness.Jwks.Jwks = TestKeys.Jwks(TestKeys.RsaJwk("key-1", TestKeys.Key2));
        await harness.Keys.RefreshAsync();

        await Assert.ThrowsAsync<CognitoTokenSignatureException>(async () => await harness.Validator.ValidateAccessTokenAsync(raw));
    }

    [Fact]
    public async Task ValidateAsync_TokenWithSameSignatureTailAsCachedOne_ComparedWholeAndRejected()
    {
        await using var harness = await ValidatorHarness.CreateAsync();
        var raw = Access();
        await harness.Validator.ValidateAccessTokenAsync(raw);
        var dot = raw.IndexOf('.', StringComparison.Ordinal);
        var forged = Encode(Json(Header().With("x", "y"))) + raw[dot..];

        await Assert.ThrowsAsync<CognitoTokenSignatureException>(async () => await harness.Validator.ValidateAccessTokenAsync(forged));
    }

    [Fact]
    public async Task ValidateAsync_ClaimsStringNotUtf8_RejectedAsMalformedNotThrownLater()
    {
        await using var harness = await ValidatorHarness.CreateAsync();
        var payload = Utf8WithByteFF(Json(AccessPayload().With("username", "@")), "@");

        var error = await Assert.ThrowsAsync<CognitoTokenMalformedException>(async () =>
            await harness.Validator.ValidateAccessTokenAsync(SignRaw(System.Text.Encoding.UTF8.GetBytes(Json(Header())), payload, TestKeys.Key1)));

        Assert.Equal("The token payload is not valid JSON.", error.Message);
    }

    [Fact]
    public async Task ValidateAsync_RequiredGroupMissing_ThrowsGroupError()
    {
        await using var harness = await ValidatorHarness.CreateAsync(o => o.UserPools.Add(Pool(p => p.RequiredGroups.Add("billing"))));

        var error = await Assert.ThrowsAsync<CognitoTokenGroupException>(async () => await harness.Validator.ValidateAccessTokenAsync(Access()));

        Assert.Equal("The token's cognito:groups ('admin', 'staff') contains none of the required groups 'billing'.", error.Message);
    }

    [Fact]
    public async Task ValidateAsync_RequiredGroupPresent_Accepted()
    {
        await using var harness = await ValidatorHarness.CreateAsync(o => o.UserPools.Add(Pool(p => { p.RequiredGroups.Add("billing"); p.RequiredGroups.Add("staff"); })));

        var token = await harness.Validator.ValidateAccessTokenAsync(Access());

        Assert.Contains("staff", token.Groups);
    }

    [Fact]
    public async Task ValidateAsync_RequiredScopeMissing_ThrowsScopeError()
    {
        await using var harness = await ValidatorHarness.CreateAsync(o => o.UserPools.Add(Pool(p => p.RequiredScopes.Add("orders/write"))));

        var error = await Assert.ThrowsAsync<CognitoTokenScopeException>(async () => await harness.Validator.ValidateAccessTokenAsync(Access()));

        Assert.Equal("The token's scope ('aws.cognito.signin.user.admin', 'orders/read') contains none of the required scopes 'orders/write'.", error.Message);
    }

    [Fact]
    public async Task ValidateAsync_AuthenticationTooOld_ThrowsLifetimeError()
    {
        await using var harness = await ValidatorHarness.CreateAsync(o => o.UserPools.Add(Pool(p => p.MaxAuthenticationAge = TimeSpan.FromMinutes(5))));
        var raw = Sign(Header(), AccessPayload().With("auth_time", NowSeconds - 600));

        var error = await Assert.ThrowsAsync<CognitoTokenLifetimeException>(async () => await harness.Validator.ValidateAccessTokenAsync(raw));

        Assert.Equal($"The user signed in at {Time(NowSeconds - 600)} (auth_time), more than 300 s ago; sign in again.", error.Message);
        Assert.NotNull(await harness.Validator.ValidateAccessTokenAsync(Access()));
    }

    [Fact]
    public async Task ValidateAsync_AdditionalCheckThrows_RejectedOnEveryCallIncludingCacheHits()
    {
        var calls = 0;
        var reject = false;
        await using var harness = await ValidatorHarness.CreateAsync(o => o.UserPools.Add(Pool(p => p.AdditionalCheck = t =>
        {
            calls++;
            if (reject)
            {
                throw new CognitoTokenValidationException("The tenant is suspended.", "active", "suspended");
            }
        })));
        var raw = Access();

        await harness.Validator.ValidateAccessTokenAsync(raw);
        reject = true;
        var error = await Assert.ThrowsAsync<CognitoTokenValidationException>(async () => await harness.Validator.ValidateAccessTokenAsync(raw));

        Assert.Equal("The tenant is suspended.", error.Message);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task ValidateAsync_RevocationCheckSaysRevoked_ThrowsRevokedEvenFromCache()
    {
        var revocations = new RevokedOriginJtis();
        var jwks = new FakeJwksHandler();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now);
        var services = new ServiceCollection();
        ValidatorHarness.Register(services, jwks, time);
        services.AddSingleton<ICognitoTokenRevocationCheck>(revocations);
        services.AddCognitoTokenValidation();
        await using var provider = services.BuildServiceProvider();
        var validator = provider.GetRequiredService<ICognitoTokenValidator>();
        var raw = Access();

        var token = await validator.ValidateAccessTokenAsync(raw);
        revocations.Revoked.Add(token.OriginJti!);
        var error = await Assert.ThrowsAsync<CognitoTokenRevokedException>(async () => await validator.ValidateAccessTokenAsync(raw));

        Assert.Equal("The token was revoked (origin_jti '0f5b3e1c-2d4a-4b6c-8e9f-a1b2c3d4e5f6').", error.Message);
    }

    [Fact]
    public async Task ValidateAsync_AllowAnyClient_AcceptsOtherClient()
    {
        await using var harness = await ValidatorHarness.CreateAsync(o => o.UserPools.Add(new CognitoUserPoolTokenOptions { UserPoolId = PoolId, AllowAnyClient = true }));

        var token = await harness.Validator.ValidateAccessTokenAsync(Sign(Header(), AccessPayload().With("client_id", OtherClientId)));

        Assert.Equal(OtherClientId, token.ClientId);
    }

    [Fact]
    public async Task ValidateAsync_TwoPoolsSideBySide_EachAcceptedWithItsOwnKeysAndClients()
    {
        var jwks = new FakeJwksHandler
        {
            JwksByUri = u => u.AbsoluteUri.Contains(OtherPoolId, StringComparison.Ordinal)
                ? TestKeys.Jwks(TestKeys.RsaJwk("other-1", TestKeys.OtherPoolKey))
                : TestKeys.PoolJwks(),
        };
        await using var harness = await ValidatorHarness.CreateAsync(
            o =>
            {
                o.UserPools.Add(Pool(p => p.ClientIds.Add("client-b")));
                var other = new CognitoUserPoolTokenOptions { UserPoolId = OtherPoolId };
                other.ClientIds.Add(OtherClientId);
                o.UserPools.Add(other);
            },
            jwks: jwks);

        var mine = await harness.Validator.ValidateAccessTokenAsync(Sign(Header(), AccessPayload().With("client_id", "client-b")));
        var theirs = await harness.Validator.ValidateAccessTokenAsync(
            Sign(Header(kid: "other-1"), AccessPayload().With("iss", OtherIssuer).With("client_id", OtherClientId), TestKeys.OtherPoolKey));
        var crossed = await Assert.ThrowsAsync<CognitoTokenClientException>(async () => await harness.Validator.ValidateAccessTokenAsync(
            Sign(Header(kid: "other-1"), AccessPayload().With("iss", OtherIssuer), TestKeys.OtherPoolKey)));
        var keyFromOtherPool = await Assert.ThrowsAsync<CognitoSigningKeyNotFoundException>(async () => await harness.Validator.ValidateAccessTokenAsync(
            Sign(Header(kid: "other-1"), AccessPayload(), TestKeys.OtherPoolKey)));

        Assert.Equal(PoolId, mine.UserPoolId);
        Assert.Equal(OtherPoolId, theirs.UserPoolId);
        Assert.Equal($"The token's client_id '{ClientId}' is not an allowed app client of user pool '{OtherPoolId}'; expected '{OtherClientId}'.", crossed.Message);
        Assert.Equal($"The signing key 'other-1' is not in the JWKS of user pool '{PoolId}'.", keyFromOtherPool.Message);
        Assert.Contains(jwks.RequestedUris, u => u.AbsoluteUri == Issuer + "/.well-known/jwks.json");
        Assert.Contains(jwks.RequestedUris, u => u.AbsoluteUri == OtherIssuer + "/.well-known/jwks.json");
    }

    [Fact]
    public async Task ValidateAsync_NullToken_ThrowsArgumentNull()
    {
        await using var harness = await ValidatorHarness.CreateAsync();

        await Assert.ThrowsAsync<ArgumentNullException>(async () => await harness.Validator.ValidateAccessTokenAsync(null!));
    }

    [Fact]
    public async Task ValidateAsync_NoPoolConfigured_FailsAtStartWithMessageNamingTheSetting()
    {
        var services = new ServiceCollection();
        services.AddCognitoTokenValidation();
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CognitoTokenValidationOptions>>().Value);

        Assert.Contains("Cognito:UserPoolId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_PoolWithoutClients_FailsAtStart()
    {
        var services = new ServiceCollection();
        services.AddCognitoTokenValidation(o => o.UserPools.Add(new CognitoUserPoolTokenOptions { UserPoolId = PoolId }));
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CognitoTokenValidationOptions>>().Value);

        Assert.Contains("CognitoUserPoolTokenOptions.ClientIds of user pool 'eu-west-1_TestPool1'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/local_AbC123")]
    [InlineData("relative/issuer")]
    public async Task ValidateAsync_IssuerNotHttpOrHttps_FailsAtStart(string issuer)
    {
        var services = new ServiceCollection();
        services.AddCognitoTokenValidation(o => o.UserPools.Add(Pool(p => p.Issuer = new Uri(issuer, UriKind.RelativeOrAbsolute))));
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CognitoTokenValidationOptions>>().Value);

        Assert.Contains($"CognitoUserPoolTokenOptions.Issuer of user pool '{PoolId}' must be an absolute https URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_ExplicitLocalIssuer_HttpAcceptedAndJwksDerivedFromIt()
    {
        var jwks = new FakeJwksHandler();
        await using var harness = await ValidatorHarness.CreateAsync(
            o => o.UserPools.Add(Pool(p => p.Issuer = new Uri("http://127.0.0.1:9229/" + PoolId))),
            jwks: jwks);

        var token = await harness.Validator.ValidateAccessTokenAsync(Sign(Header(), AccessPayload().With("iss", "http://127.0.0.1:9229/" + PoolId)));

        Assert.Equal("http://127.0.0.1:9229/" + PoolId, token.Issuer);
        Assert.Equal("http://127.0.0.1:9229/" + PoolId + "/.well-known/jwks.json", Assert.Single(jwks.RequestedUris).AbsoluteUri);
    }

    [Fact]
    public void AddCognitoTokenValidation_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection();
        services.AddCognitoTokenValidation();
        services.AddCognitoTokenValidation();

        Assert.Single(services, d => d.ServiceType == typeof(ICognitoTokenValidator));
        Assert.Single(services, d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService));
    }

    [Fact]
    public void PostConfigure_LocalStackServiceUrl_DerivesHttpIssuerAndJwks()
    {
        var services = new ServiceCollection();
        services.Configure<CognitoAuthOptions>(o =>
        {
            o.UserPoolId = "local_AbC123";
            o.ClientId = "c1";
            o.ServiceUrl = new Uri("http://127.0.0.1:9229/");
        });
        services.AddCognitoTokenValidation();
        using var provider = services.BuildServiceProvider();

        var pool = Assert.Single(provider.GetRequiredService<IOptions<CognitoTokenValidationOptions>>().Value.UserPools);

        Assert.Equal("http://127.0.0.1:9229/local_AbC123", pool.Issuer!.OriginalString);
        Assert.Equal("http://127.0.0.1:9229/local_AbC123/.well-known/jwks.json", pool.JwksUri!.AbsoluteUri);
        Assert.Equal(["c1"], pool.ClientIds);
    }

    [Fact]
    public void Registry_PoolConfiguredById_AcceptsBothIssuerFormsEachWithItsJwks()
    {
        var services = new ServiceCollection();
        services.Configure<CognitoAuthOptions>(o =>
        {
            o.UserPoolId = PoolId;
            o.ClientId = ClientId;
        });
        services.AddCognitoTokenValidation();
        using var provider = services.BuildServiceProvider();

        var issuers = provider.GetRequiredService<CognitoUserPoolRegistry>().Issuers.ToList();

        Assert.Equal([Issuer, UpdatedIssuer], issuers.Select(i => i.Value));
        Assert.Equal([Issuer + "/.well-known/jwks.json", UpdatedIssuer + "/.well-known/jwks.json"], issuers.Select(i => i.Keys.Source));
        Assert.All(issuers, i => Assert.False(i.Pinned));
    }

    private static CognitoUserPoolTokenOptions Pool(Action<CognitoUserPoolTokenOptions> configure)
    {
        var pool = new CognitoUserPoolTokenOptions { UserPoolId = PoolId };
        pool.ClientIds.Add(ClientId);
        configure(pool);
        return pool;
    }

    private sealed class RevokedOriginJtis : ICognitoTokenRevocationCheck
    {
        public HashSet<string> Revoked { get; } = [];

        public ValueTask<bool> IsRevokedAsync(CognitoValidatedToken token, CancellationToken cancellationToken) =>
            ValueTask.FromResult(token.OriginJti is { } id && Revoked.Contains(id));
    }
}
