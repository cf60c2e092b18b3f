using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Amazon.Runtime;
using Exanubes.Cognito.EmailSender.IntegrationTests.Support;
using Exanubes.Cognito.EmailSender.Tests.Support;
using Exanubes.Cognito.IntegrationTests.CognitoLocal;
using Exanubes.Cognito.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Exanubes.Cognito.EmailSender.IntegrationTests.Telemetry;

/// <summary>
/// Issue 13's telemetry proof: the OpenTelemetry SDK's in-memory exporter, wired with the documented names, sees the
/// spans and metrics of a sign-up → (code through our sender pipeline) → confirm → sign-in → validate walk against the
/// extended local Cognito; and no exported span attribute, metric tag, EMF field or log record holds the password,
/// the codes, the tokens, the session or the client secret of that walk. The detector is itself tested with planted
/// secrets, one in each place.
/// </summary>
public sealed class TelemetryWalkTests(CognitoLocalFixture cognito) : IClassFixture<CognitoLocalFixture>
{
    private const string Password = "Walk-Secret-Pass-7";

    [Fact]
    public async Task Walk_SignUpSenderConfirmSignInValidate_ExportsSpansAndMetricsAndNoSecret()
    {
        using var capture = new TelemetryCapture();
        using var walk = capture.StartWalk();
        var pool = await cognito.CreatePoolAsync(withSecret: true);
        await using var provider = CoreServices(pool);
        var auth = provider.GetRequiredService<ICognitoAuthService>();
        var validator = provider.GetRequiredService<ICognitoTokenValidator>();
        var username = "walk-" + Guid.NewGuid().ToString("N")[..10];
        var email = username + "@example.com";
        var secrets = new List<string> { Password, pool.ClientSecret! };

        // sign up: Cognito issues a code; it reaches the user through our sender (encrypted by the JS ESDK as Cognito does).
        (await auth.SignUpAsync(new CognitoSignUpRequest
        {
            Username = username,
            Password = Password,
            Attributes = new Dictionary<string, string> { ["email"] = email },
        })).EnsureSuccess();
        var code = cognito.StoredCode(pool.UserPoolId, username);
        var ciphertext = (await JsEncryptionSdk.EncryptAsync(new JsEncryptionSdk.Job(JsEncryptionSdk.CognitoV1, code, Events.UserPoolId)))[0];
        secrets.Add(code);
        var mailer = new CapturingMailer();
        var sender = TestFunction.WithMailer(mailer);
        await sender.HandleAsync(Events.Stream(Events.Create("CustomEmailSender_SignUp", ciphertext, email)));
        var mailed = Assert.Single(mailer.Sent);
        Assert.Contains(code, mailed.TextBody, StringComparison.Ordinal);

        // confirm: a wrong code first (an error span), then the mailed one
        var wrongCode = code == "000000" ? "111111" : "000000";
        Assert.Equal(CognitoErrorCode.CodeMismatch, (await auth.ConfirmSignUpAsync(username, wrongCode)).Error?.Code);
        (await auth.ConfirmSignUpAsync(username, code)).EnsureSuccess();

        // sign in, validate both tokens, and reject a forged one
        var tokens = (await auth.SignInAsync(username, Password)).EnsureSuccess().Tokens!;
        secrets.AddRange([tokens.AccessToken, tokens.IdToken!, tokens.RefreshToken!]);
        Assert.Equal(pool.ClientId, (await validator.ValidateAccessTokenAsync(tokens.AccessToken)).ClientId);
        await validator.ValidateIdTokenAsync(tokens.IdToken!);
        var forged = tokens.AccessToken[..^4] + (tokens.AccessToken.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        secrets.Add(forged);
        var rejected = await validator.TryValidateAsync(forged, CognitoTokenUse.Access);
        Assert.False(rejected.IsValid);
        capture.Flush();

        // spans: one per Cognito action, with action, outcome and the Cognito error code
        var mine = capture.SpansUnder(walk);
        var spans = mine.Where(s => s.Source.Name == CognitoTelemetry.SourceName).ToList();
        Assert.Contains(spans, s => s.DisplayName == "Cognito SignUp" && Tag(s, CognitoTelemetry.OutcomeTag) == "success" && s.Kind == ActivityKind.Client);
        var mismatch = Assert.Single(spans, s => s.DisplayName == "Cognito ConfirmSignUp" && Tag(s, CognitoTelemetry.OutcomeTag) == "error");
        Assert.Equal("CodeMismatchException", Tag(mismatch, CognitoTelemetry.ErrorCodeTag));
        Assert.Equal(ActivityStatusCode.Error, mismatch.Status);
        Assert.Contains(spans, s => s.DisplayName == "Cognito ConfirmSignUp" && Tag(s, CognitoTelemetry.OutcomeTag) == "success");
        Assert.Contains(spans, s => s.DisplayName == "Cognito InitiateAuth" && Tag(s, CognitoTelemetry.ActionTag) == "InitiateAuth");
        var senderSpan = Assert.Single(mine, s => s.Source.Name == CustomEmailSenderTelemetry.SourceName);
        Assert.Equal("CustomEmailSender_SignUp", Tag(senderSpan, CustomEmailSenderTelemetry.TriggerSourceTag));
        Assert.Equal("Sent", Tag(senderSpan, CustomEmailSenderTelemetry.OutcomeTag));

        // metrics
        var calls = capture.Points(CognitoTelemetry.CallDuration);
        Assert.Contains(calls, p => p[CognitoTelemetry.ActionTag] == "SignUp" && p[CognitoTelemetry.OutcomeTag] == "success");
        Assert.Contains(calls, p => p[CognitoTelemetry.ActionTag] == "ConfirmSignUp" && p.GetValueOrDefault(CognitoTelemetry.ErrorCodeTag) == "CodeMismatchException");
        Assert.Contains(calls, p => p[CognitoTelemetry.ActionTag] == "InitiateAuth");
        var validations = capture.Points(CognitoTelemetry.TokenValidations);
        Assert.Contains(validations, p => p[CognitoTelemetry.TokenUseTag] == "access" && p[CognitoTelemetry.OutcomeTag] == "valid");
        Assert.Contains(validations, p => p[CognitoTelemetry.TokenUseTag] == "id" && p[CognitoTelemetry.OutcomeTag] == "valid");
        Assert.Contains(validations, p => p[CognitoTelemetry.TokenUseTag] == "access" && p[CognitoTelemetry.OutcomeTag] == "signature");
        Assert.Contains(capture.Points(CognitoTelemetry.JwksFetches), p => p[CognitoTelemetry.OutcomeTag] == "success");
        Assert.Contains(capture.Points(CustomEmailSenderTelemetry.Events), p => p[CustomEmailSenderTelemetry.TriggerSourceTag] == "CustomEmailSender_SignUp" && p[CustomEmailSenderTelemetry.OutcomeTag] == "Sent");
        Assert.Contains(capture.Points(CustomEmailSenderTelemetry.DecryptDuration), p => p[CustomEmailSenderTelemetry.TriggerSourceTag] == "CustomEmailSender_SignUp");
        Assert.Contains(capture.Points(CustomEmailSenderTelemetry.SendDuration), p => p[CustomEmailSenderTelemetry.OutcomeTag] == "Sent");

        // the sender's one JSON line carries EMF
        var line = Assert.Single(JsonLines(sender.Stdout.ToString()), l => l.RootElement.TryGetProperty("_aws", out _));
        var directive = line.RootElement.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
        Assert.Equal("Exanubes/Cognito/EmailSender", directive.GetProperty("Namespace").GetString());
        Assert.Equal(["Events", "DurationMs", "DecryptMs", "SendMs"], directive.GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString()));
        Assert.True(line.RootElement.GetProperty("DecryptMs").GetDouble() >= 0);

        // no secret anywhere: spans, metric points, every stdout line of the sender, every log record of the core
        var records = provider.GetFakeLogCollector().GetSnapshot();
        Assert.True(records.Count > 20, $"expected the walk to log at Trace, got {records.Count} records");
        var found = SecretScanner.Find(Everything(capture, sender.Stdout.ToString(), records), secrets);
        Assert.True(found.Count == 0, string.Join("\n", found));
        var telemetryOnly = SecretScanner.Find(capture.Texts(), [username, email]);
        Assert.True(telemetryOnly.Count == 0, "spans and metrics must not name the user: " + string.Join("\n", telemetryOnly));
        Assert.True(secrets.Count >= 7);
    }

    [Fact]
    public void SecretScanner_SecretPlantedInEachPlace_IsFoundThere()
    {
        using var capture = new TelemetryCapture();
        const string Planted = "planted-Secret-4242";
        const string PlantedToken = "eyJraWQiOiJwbGFudGVkLWtleSJ9.eyJzdWIiOiJwbGFudGVkLXN1YmplY3QifQ.c2lnbmF0dXJlLW9mLXRoZS1wbGFudGVkLXRva2Vu";
        using (var source = new ActivitySource(CognitoTelemetry.SourceName))
        using (var span = source.StartActivity("Cognito Planted"))
        {
            span!.SetTag(CognitoTelemetry.ErrorCodeTag, "x" + Planted + "x");
        }

        using (var meter = new Meter(CustomEmailSenderTelemetry.SourceName))
        {
            meter.CreateCounter<long>("planted.counter").Add(1, new KeyValuePair<string, object?>("planted", "signature " + PlantedToken.Split('.')[2]));
            capture.Flush();
        }

        var clean = SecretScanner.Find(capture.Texts(), ["another-secret-value"]);
        var emf = """{"Outcome":"Sent","_aws":{"Timestamp":1,"CloudWatchMetrics":[]},"TriggerSource":"planted-Secret-4242"}""";
        var log = new FakeLogger();
        log.LogInformation("password {Password}", Uri.EscapeDataString(Planted + "/"));

        Assert.Empty(clean);
        Assert.Contains(SecretScanner.Find(capture.Texts(), [Planted]), f => f.StartsWith("span 'Cognito Planted' attribute", StringComparison.Ordinal));
        Assert.Contains(SecretScanner.Find(capture.Texts(), [PlantedToken]), f => f.StartsWith("metric planted.counter tags", StringComparison.Ordinal));
        Assert.Contains(SecretScanner.Find(Lines(emf), [Planted]), f => f.StartsWith("stdout", StringComparison.Ordinal));
        Assert.Contains(SecretScanner.Find(Records(log.Collector.GetSnapshot()), [Planted + "/"]), f => f.StartsWith("log", StringComparison.Ordinal));
    }

    private static IEnumerable<(string Where, string Text)> Everything(TelemetryCapture capture, string stdout, IReadOnlyList<FakeLogRecord> records) =>
        capture.Texts().Concat(Lines(stdout)).Concat(Records(records));

    private static IEnumerable<(string Where, string Text)> Lines(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => ("stdout line", l));

    private static IEnumerable<(string Where, string Text)> Records(IEnumerable<FakeLogRecord> records) =>
        records.Select(r => ($"log record {r.Id} ({r.Category})", string.Join(
            "\n",
            new[] { r.Message, r.Exception?.ToString() ?? string.Empty }.Concat((r.StructuredState ?? []).Select(kv => kv.Key + "=" + kv.Value)))));

    private static List<JsonDocument> JsonLines(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l)).ToList();

    private static string? Tag(Activity span, string name) => span.GetTagItem(name) as string;

    private ServiceProvider CoreServices(CognitoLocalPool pool)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace));
        services.AddFakeLogging(options => options.CollectRecordsForDisabledLogLevels = true);
        services.AddSingleton<AWSCredentials>(new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
        services.AddCognitoAuth(options =>
        {
            options.UserPoolId = pool.UserPoolId;
            options.ClientId = pool.ClientId;
            options.ClientSecret = pool.ClientSecret;
            options.ServiceUrl = cognito.Endpoint;
        });
        return services.BuildServiceProvider();
    }
}
