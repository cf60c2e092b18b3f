using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Exanubes.Cognito.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace Exanubes.Cognito.Benchmarks.Tokens;

/// <summary>
/// Measures, in one process and run, single-threaded: raw RSA.VerifyData (SHA-256, PKCS#1) over a Cognito access
/// token's signing input; our full validation of that token with a warm key cache and the validated-token cache off;
/// and the repeat-token path (cache on). Prints rates, ratios to raw and allocated bytes per validation.
/// </summary>
internal static class TokenValidationBenchmark
{
    private const string PoolId = "eu-west-1_AbCdEf123";
    private const string ClientId = "4lp1e5i6d3mfl1bqg0t6k9o8e2";
    private const string Issuer = "https://cognito-idp.eu-west-1.amazonaws.com/" + PoolId;

    public static async Task<int> RunAsync()
    {
        using var rsa = RSA.Create(2048);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var token = CognitoShapedAccessToken(rsa, now);
        var dot = token.LastIndexOf('.');
        var signingInput = Encoding.ASCII.GetBytes(token[..dot]);
        var signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        var jwks = JsonSerializer.Serialize(new { keys = new[] { Jwk(rsa) } });

        await using var full = await ValidatorAsync(jwks, cacheSize: 0);
        await using var repeat = await ValidatorAsync(jwks, cacheSize: 10_000);
        var fullValidator = full.GetRequiredService<ICognitoTokenValidator>();
        var repeatValidator = repeat.GetRequiredService<ICognitoTokenValidator>();

        bool Raw() => rsa.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        bool Validate(ICognitoTokenValidator validator)
        {
            var pending = validator.ValidateAccessTokenAsync(token);
            if (!pending.IsCompletedSuccessfully)
            {
                throw new InvalidOperationException("validation did not complete synchronously");
            }

            return pending.Result.ClientId.Length > 0;
        }

        if (!Raw() || !Validate(fullValidator) || !Validate(repeatValidator))
        {
            Console.Error.WriteLine("sanity check failed: the token does not validate");
            return 1;
        }

        Console.WriteLine($"Token validation benchmark (.NET {Environment.Version}, {RuntimeInformationText()}, single thread)");
        Console.WriteLine($"Cognito-shaped access token: {token.Length} chars, RSA-2048 RS256");
        // The three measurements are interleaved in short slices so that both sides of each ratio see the same
        // machine load (other processes on a shared 2-core box); totals and the median of per-slice ratios are printed.
        const int slices = 160;
        var slice = TimeSpan.FromMilliseconds(40);
        Measure(Raw, TimeSpan.FromSeconds(1));
        Measure(() => Validate(fullValidator), TimeSpan.FromSeconds(1));
        Measure(() => Validate(repeatValidator), TimeSpan.FromSeconds(1));
        var raw = new Result();
        var ours = new Result();
        var cached = new Result();
        var oursRatios = new List<double>();
        var repeatRatios = new List<double>();
        for (var i = 0; i < slices; i++)
        {
            Result r, o;
            if (i % 2 == 0)
            {
                r = Measure(Raw, slice);
                o = Measure(() => Validate(fullValidator), slice);
            }
            else
            {
                o = Measure(() => Validate(fullValidator), slice);
                r = Measure(Raw, slice);
            }

            var c = Measure(() => Validate(repeatValidator), slice / 2);
            raw.Add(r);
            ours.Add(o);
            cached.Add(c);
            oursRatios.Add(o.Rate / r.Rate);
            repeatRatios.Add(c.Rate / r.Rate);
        }

        oursRatios.Sort();
        repeatRatios.Sort();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw RSA.VerifyData       {raw.Rate,12:N0} ops/s   {raw.BytesPerOp,8:N1} B/op"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ours, full validation    {ours.Rate,12:N0} ops/s   {ours.BytesPerOp,8:N1} B/op   ratio ours/raw   = {ours.Rate / raw.Rate:0.000} (target >= 0.90)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ours, repeat token       {cached.Rate,12:N0} ops/s   {cached.BytesPerOp,8:N1} B/op   ratio repeat/raw = {cached.Rate / raw.Rate:0.0} (target >= 10)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"our work besides the signature: {(1e6 / ours.Rate) - (1e6 / raw.Rate):0.00} us per validation (raw verify {1e6 / raw.Rate:0.00} us)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median of {slices} interleaved slices: ours/raw = {oursRatios[slices / 2]:0.000}, repeat/raw = {repeatRatios[slices / 2]:0.0}"));
        return 0;
    }

    private static string RuntimeInformationText() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()}, {Environment.ProcessorCount} cores";

    private static Result Measure(Func<bool> operation, TimeSpan duration)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        long count = 0;
        var ok = true;
        while (stopwatch.Elapsed < duration)
        {
            for (var i = 0; i < 16; i++)
            {
                ok &= operation();
            }

            count += 16;
        }

        stopwatch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (!ok)
        {
            throw new InvalidOperationException("an operation failed during measurement");
        }

        return new Result { Count = count, Seconds = stopwatch.Elapsed.TotalSeconds, Bytes = allocated };
    }

    private static async Task<ServiceProvider> ValidatorAsync(string jwks, int cacheSize)
    {
        var services = new ServiceCollection();
        services.Configure<CognitoAuthOptions>(o =>
        {
            o.UserPoolId = PoolId;
            o.ClientId = ClientId;
        });
        services.AddCognitoTokenValidation(o => o.ValidatedTokenCacheSize = cacheSize);
        services.AddHttpClient(JwksClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new StaticJwks(jwks));
        var provider = services.BuildServiceProvider();
        foreach (var pool in provider.GetRequiredService<CognitoUserPoolRegistry>().Pools)
        {
            await pool.Keys.RefreshAsync();
        }

        return provider;
    }

    private static string CognitoShapedAccessToken(RSA rsa, long now)
    {
        var header = JsonSerializer.Serialize(new Dictionary<string, object> { ["kid"] = "bench-key-1", ["alg"] = "RS256" });
        var payload = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["sub"] = "8c1f7a2e-1b3d-4e5f-9a6b-0c1d2e3f4a5b",
            ["cognito:groups"] = new[] { "admin" },
            ["iss"] = Issuer,
            ["client_id"] = ClientId,
            ["origin_jti"] = "0f5b3e1c-2d4a-4b6c-8e9f-a1b2c3d4e5f6",
            ["event_id"] = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d",
            ["token_use"] = "access",
            ["scope"] = "aws.cognito.signin.user.admin",
            ["auth_time"] = now - 60,
            ["exp"] = now + 3600,
            ["iat"] = now - 60,
            ["jti"] = "d4c3b2a1-0f9e-4d8c-b7a6-958473625140",
            ["username"] = "8c1f7a2e-1b3d-4e5f-9a6b-0c1d2e3f4a5b",
        });
        var input = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header)) + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload));
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return input + "." + Base64Url.EncodeToString(signature);
    }

    private static Dictionary<string, string> Jwk(RSA rsa)
    {
        var p = rsa.ExportParameters(false);
        return new()
        {
            ["alg"] = "RS256",
            ["e"] = Base64Url.EncodeToString(p.Exponent),
            ["kid"] = "bench-key-1",
            ["kty"] = "RSA",
            ["n"] = Base64Url.EncodeToString(p.Modulus),
            ["use"] = "sig",
        };
    }

    private sealed class Result
    {
        public long Count { get; set; }

        public double Seconds { get; set; }

        public long Bytes { get; set; }

        public double Rate => Count / Seconds;

        public double BytesPerOp => (double)Bytes / Count;

        public void Add(Result other)
        {
            Count += other.Count;
            Seconds += other.Seconds;
            Bytes += other.Bytes;
        }
    }

    private sealed class StaticJwks(string jwks) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(jwks, Encoding.UTF8, "application/json") });
    }
}
