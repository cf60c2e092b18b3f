using Amazon.KeyManagementService;
using Exanubes.Cognito.Lambda;
using Exanubes.EncryptionSdk;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.SmsSender;

/// <summary>
/// The fixed SMS pipeline: read the event (shared trigger reader) → check the pool and the phone number → claim the
/// event (shared duplicate suppression) → decrypt (shared strict decryptor) → render (shared template choice) → count
/// segments, warn past one → send. One log line per event. Not overridable: users customise templates and the provider.
/// </summary>
internal sealed class CustomSmsSenderPipeline(
    IOptions<CustomSmsSenderOptions> options,
    IAmazonKeyManagementService kms,
    SmsRenderer renderer,
    ISmsProvider provider,
    IIdempotencyStore idempotency,
    TimeProvider time,
    ILogger<CustomSmsSenderPipeline> logger)
{
    private readonly CustomSmsSenderOptions _options = options.Value;

    private static SenderInstrumentation Instrumentation => CustomSmsSenderTelemetry.Instrumentation;

    // The shared strict decryptor, configured from the SmsSender section and failing with the SMS sender's exception.
    private readonly CognitoCodeDecryptor _decryptor = new(
        kms,
        options.Value.KmsKeyArn!,
        options.Value.AllowMissingUserPoolContext,
        CustomSmsSenderOptions.SectionName,
        static (message, cause) => new SmsCodeDecryptionException(message, cause));

    public async Task HandleAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var activity = Instrumentation.StartEvent();
        var measured = new SenderInstrumentation.EventMeasurements();
        CustomSmsSenderEvent evt;
        try
        {
            evt = CustomSmsSenderEvent.Parse(utf8Json.Span);
        }
        catch (CognitoTriggerEventException ex)
        {
            var duration = Elapsed(started);
            var metrics = Instrumentation.Completed(activity, measured, _options.MetricsNamespace, "-", "Rejected", duration);
            Log.SmsEventFailed(logger, "-", "-", "-", "Rejected", duration, nameof(CognitoTriggerEventException), ex.Message, metrics);
            throw;
        }

        await HandleCoreAsync(evt, started, activity, measured, cancellationToken).ConfigureAwait(false);
    }

    public async Task HandleAsync(CustomSmsSenderEvent evt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evt);
        var started = time.GetTimestamp();
        using var activity = Instrumentation.StartEvent();
        await HandleCoreAsync(evt, started, activity, new SenderInstrumentation.EventMeasurements(), cancellationToken).ConfigureAwait(false);
    }

    private async Task HandleCoreAsync(CustomSmsSenderEvent evt, long started, System.Diagnostics.Activity? activity, SenderInstrumentation.EventMeasurements measured, CancellationToken cancellationToken)
    {
        // Values from the event go into the log line shortened and printable, so a hostile event cannot flood or forge it.
        var source = string.IsNullOrEmpty(evt.TriggerSource) ? "-" : UntrustedText.Safe(evt.TriggerSource);
        var pool = string.IsNullOrEmpty(evt.UserPoolId) ? "-" : UntrustedText.Safe(evt.UserPoolId);
        var client = evt.CallerContext?.ClientId is { } clientId ? UntrustedText.Safe(clientId) : "-";
        string outcome;
        try
        {
            outcome = await SendAsync(evt, source, measured, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var rejected = ex is CognitoTriggerEventException ? "Rejected" : "Failed";
            var error = ex is CustomSmsSenderException or CognitoTriggerEventException or OperationCanceledException ? ex.Message : "unexpected error";
            var errorType = ex.GetType().Name;
            var duration = Elapsed(started);
            var metrics = Instrumentation.Completed(activity, measured, _options.MetricsNamespace, source, rejected, duration);
            Log.SmsEventFailed(logger, source, pool, client, rejected, duration, errorType, error, metrics);
            throw;
        }

        var took = Elapsed(started);
        var handled = Instrumentation.Completed(activity, measured, _options.MetricsNamespace, source, outcome, took);
        Log.SmsEventHandled(logger, source, pool, client, outcome, took, handled);
    }

    private async Task<string> SendAsync(CustomSmsSenderEvent evt, string source, SenderInstrumentation.EventMeasurements measured, CancellationToken cancellationToken)
    {
        // 1. Check: the expected pool, a template for the trigger source, the recipient.
        if (_options.UserPoolId is { Length: > 0 } expected && !string.Equals(expected, evt.UserPoolId, StringComparison.Ordinal))
        {
            throw new CognitoTriggerEventException("userPoolId",
                $"the event comes from user pool '{UntrustedText.Safe(evt.UserPoolId)}' but this function serves '{expected}' (SmsSender:UserPoolId).");
        }

        // An event built in code (HandleEventAsync) gets the reader's checks here.
        if (!CustomSmsSenderEvent.TriggerSources.Contains(evt.TriggerSource))
        {
            throw new CognitoTriggerEventException("triggerSource", $"'{UntrustedText.Safe(evt.TriggerSource)}' is not a custom SMS sender source; expected one of {string.Join(", ", CustomSmsSenderEvent.TriggerSources)}.");
        }

        evt.Validate();

        if (!evt.Request.UserAttributes.TryGetValue("phone_number", out var phone) || !SnsSmsProviderOptionsValidator.E164().IsMatch(phone.Trim()))
        {
            throw new CognitoTriggerEventException("request.userAttributes.phone_number",
                phone is null ? $"is missing; the {evt.TriggerSource} event has no phone number to send to." : $"'{UntrustedText.Safe(phone)}' is not an E.164 phone number (+<country><number>).");
        }

        var code = evt.Request.Code!;

        // 2. Duplicates (same ciphertext = same event), 3. decrypt, 4. render and count segments, 5. send.
        return await IdempotentSend.RunAsync(
            idempotency,
            _options.SuppressDuplicates ? IdempotentSend.KeyOfCode(code) : null,
            async () =>
            {
                var decrypting = time.GetTimestamp();
                var plaintext = await _decryptor.DecryptAsync(code, evt.UserPoolId, cancellationToken).ConfigureAwait(false);
                Instrumentation.Decrypted(measured, source, time.GetElapsedTime(decrypting));
                var message = new SmsMessage { PhoneNumber = phone.Trim(), Body = renderer.Render(evt, phone.Trim(), plaintext), TriggerSource = evt.TriggerSource };
                var segments = message.Segments;
                if (segments.Parts > 1)
                {
                    var encoding = segments.Encoding == SmsEncoding.Gsm7 ? "GSM-7" : "UCS-2";
                    Log.SmsNeedsSeveralSegments(logger, evt.TriggerSource, segments.Parts, encoding, segments.Units);
                }

                await Instrumentation.TimeSendAsync(measured, source, time, () => DeliverAsync(message, plaintext, cancellationToken)).ConfigureAwait(false);
            },
            leaseExpiresAt => new SmsSendInProgressException(evt.TriggerSource, leaseExpiresAt),
            (claim, ex) => Log.IdempotencyCompleteFailed(logger, evt.TriggerSource, claim.LeaseExpiresAt, ex.GetType().Name, UntrustedText.Safe(ex.Message)),
            (claim, ex) => Log.IdempotencyReleaseFailed(logger, evt.TriggerSource, claim.LeaseExpiresAt, ex.GetType().Name, UntrustedText.Safe(ex.Message)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Hands the SMS to the provider so that every failure is an <see cref="SmsDeliveryException"/> that never carries the
    /// code: a provider refusing a request may quote the text back, and a custom provider may throw anything.
    /// </summary>
    private async Task DeliverAsync(SmsMessage message, string code, CancellationToken cancellationToken)
    {
        try
        {
            await provider.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not SmsDeliveryException || SecretForms(code).Any(f => ex.ToString().Contains(f, StringComparison.Ordinal)))
        {
            var typed = ex as SmsDeliveryException;
            var name = typed?.Provider is { Length: > 0 } p ? p : provider.GetType().Name;
            var text = typed?.Message ?? $"The {message.TriggerSource} SMS could not be sent: {name} threw {ex.GetType().Name}: {ex.Message}";
            var leaks = false;
            foreach (var form in SecretForms(code))
            {
                leaks |= ex.ToString().Contains(form, StringComparison.Ordinal);
                text = text.Replace(form, "[redacted]", StringComparison.Ordinal);
            }

            throw new SmsDeliveryException(name, typed?.StatusCode, text, leaks ? null : ex);
        }
    }

    /// <summary>The code as it may be quoted back: plain, form/URL- and JSON-encoded (longest first).</summary>
    private static IEnumerable<string> SecretForms(string code)
        => string.IsNullOrEmpty(code)
            ? []
            : new[] { code, Uri.EscapeDataString(code), System.Net.WebUtility.UrlEncode(code), System.Text.Json.JsonEncodedText.Encode(code).ToString(), System.Net.WebUtility.HtmlEncode(code) }
                .Distinct(StringComparer.Ordinal).OrderByDescending(f => f.Length);

    private double Elapsed(long started) => Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 2);
}
