using Exanubes.Cognito.Lambda;
using Exanubes.EncryptionSdk;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.EmailSender;

/// <summary>
/// The fixed pipeline: parse → check pool id, request type and trigger source → decrypt → render → send, with duplicate
/// suppression and one log line per event. Not overridable: users customise templates and the mailer only.
/// </summary>
internal sealed class CustomEmailSenderPipeline(
    IOptions<CustomEmailSenderOptions> options,
    CodeDecryptor decryptor,
    EmailRenderer renderer,
    IMailer mailer,
    IIdempotencyStore idempotency,
    TimeProvider time,
    ILogger<CustomEmailSenderPipeline> logger)
{
    private readonly CustomEmailSenderOptions _options = options.Value;

    private static SenderInstrumentation Instrumentation => CustomEmailSenderTelemetry.Instrumentation;

    public async Task HandleAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var activity = Instrumentation.StartEvent();
        var measured = new SenderInstrumentation.EventMeasurements();
        CustomEmailSenderEvent evt;
        try
        {
            evt = CustomEmailSenderEvent.Parse(utf8Json.Span);
        }
        catch (CustomEmailSenderEventException ex)
        {
            var duration = Elapsed(started);
            var error = ex.Message;
            var metrics = Instrumentation.Completed(activity, measured, _options.MetricsNamespace, "-", "Rejected", duration);
            Log.EmailEventFailed(logger, "-", "-", "-", "Rejected", duration, nameof(CustomEmailSenderEventException), error, metrics);
            throw;
        }

        await HandleCoreAsync(evt, started, activity, measured, cancellationToken).ConfigureAwait(false);
    }

    public async Task HandleAsync(CustomEmailSenderEvent evt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evt);
        var started = time.GetTimestamp();
        using var activity = Instrumentation.StartEvent();
        await HandleCoreAsync(evt, started, activity, new SenderInstrumentation.EventMeasurements(), cancellationToken).ConfigureAwait(false);
    }

    private async Task HandleCoreAsync(CustomEmailSenderEvent evt, long started, System.Diagnostics.Activity? activity, SenderInstrumentation.EventMeasurements measured, CancellationToken cancellationToken)
    {
        // Values from the event go into the log line shortened and printable, so a hostile event cannot flood or forge it.
        var source = string.IsNullOrEmpty(evt.TriggerSource.Value) ? "-" : UntrustedText.Safe(evt.TriggerSource.Value);
        var pool = evt.UserPoolId is null ? "-" : UntrustedText.Safe(evt.UserPoolId);
        var client = evt.CallerContext?.ClientId is { } clientId ? UntrustedText.Safe(clientId) : "-";
        string outcome;
        try
        {
            outcome = await SendAsync(evt, source, measured, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var rejected = ex is CustomEmailSenderEventException ? "Rejected" : "Failed";
            var error = ex is CustomEmailSenderException or OperationCanceledException ? ex.Message : "unexpected error";
            var errorType = ex.GetType().Name;
            var duration = Elapsed(started);
            var metrics = Instrumentation.Completed(activity, measured, _options.MetricsNamespace, source, rejected, duration);
            Log.EmailEventFailed(logger, source, pool, client, rejected, duration, errorType, error, metrics);
            throw;
        }

        var took = Elapsed(started);
        var handled = Instrumentation.Completed(activity, measured, _options.MetricsNamespace, source, outcome, took);
        Log.EmailEventHandled(logger, source, pool, client, outcome, took, handled);
    }

    private async Task<string> SendAsync(CustomEmailSenderEvent evt, string source, SenderInstrumentation.EventMeasurements measured, CancellationToken cancellationToken)
    {
        // 1. Check: shape, the expected pool, a template for the trigger source, the recipient and the code.
        CustomEmailSenderEventReader.Check(evt);
        var request = evt.Request!;
        if (_options.UserPoolId is { Length: > 0 } expected && !string.Equals(expected, evt.UserPoolId, StringComparison.Ordinal))
        {
            throw new CustomEmailSenderEventException("userPoolId",
                $"The event comes from user pool '{UntrustedText.Safe(evt.UserPoolId ?? string.Empty)}' but this function serves '{expected}' (EmailSender:UserPoolId).");
        }

        if (!renderer.CanRender(evt.TriggerSource))
        {
            throw new CustomEmailSenderEventException("triggerSource",
                $"Unknown trigger source '{UntrustedText.Safe(evt.TriggerSource.Value ?? string.Empty)}' and no email template registered for it; register one with services.AddEmailTemplate(...) to deliver it.");
        }

        if (!request.UserAttributes!.TryGetValue("email", out var recipient) || string.IsNullOrWhiteSpace(recipient))
        {
            throw new CustomEmailSenderEventException("request.userAttributes.email", $"The {evt.TriggerSource} event has no 'email' user attribute to send to.");
        }

        var needsCode = evt.TriggerSource.CarriesCode;
        if (needsCode && string.IsNullOrEmpty(request.Code))
        {
            throw new CustomEmailSenderEventException("request.code", $"The {evt.TriggerSource} event has no 'request.code'; Cognito sends an encrypted code with every email but the account-takeover notice.");
        }

        // 2. Duplicates: claim the event (same ciphertext, or the same takeover event id, means the same event), then
        // 3. decrypt under the configured key, bound to the event's pool (the template compiles meanwhile), 4. render, 5. send.
        var key = _options.SuppressDuplicates ? IdempotencyKey(evt) : null;
        return await IdempotentSend.RunAsync(
            idempotency,
            key,
            async () =>
            {
                var prepared = renderer.PrepareAsync(evt);
                string? code = null;
                if (!string.IsNullOrEmpty(request.Code))
                {
                    var decrypting = time.GetTimestamp();
                    code = await decryptor.DecryptAsync(request.Code, evt.UserPoolId!, cancellationToken).ConfigureAwait(false);
                    Instrumentation.Decrypted(measured, source, time.GetElapsedTime(decrypting));
                }

                await prepared.ConfigureAwait(false);
                var message = renderer.Render(evt, recipient.Trim(), code);
                await Instrumentation.TimeSendAsync(measured, source, time, () => DeliverAsync(message, code, cancellationToken)).ConfigureAwait(false);
            },
            leaseExpiresAt => new EmailSendInProgressException(evt.TriggerSource, leaseExpiresAt),
            (claim, ex) => Log.IdempotencyCompleteFailed(logger, evt.TriggerSource.Value ?? "-", claim.LeaseExpiresAt, ex.GetType().Name, UntrustedText.Safe(ex.Message)),
            (claim, ex) => Log.IdempotencyReleaseFailed(logger, evt.TriggerSource.Value ?? "-", claim.LeaseExpiresAt, ex.GetType().Name, UntrustedText.Safe(ex.Message)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The event's duplicate key: the lowercase hex SHA-256 of the encrypted code (each email gets a fresh ciphertext, so
    /// only re-deliveries share it), or for an account-takeover notice, which has no code, of the pool id and Cognito's
    /// <c>EVENT_ID</c> user attribute. <see langword="null"/> when the event carries neither.
    /// </summary>
    internal static string? IdempotencyKey(CustomEmailSenderEvent evt)
    {
        var request = evt.Request;
        if (!string.IsNullOrEmpty(request?.Code))
        {
            return IdempotentSend.KeyOfCode(request.Code);
        }

        if (evt.TriggerSource == CustomEmailSenderTriggerSource.AccountTakeOverNotification
            && request?.UserAttributes is { } attributes && attributes.TryGetValue("EVENT_ID", out var eventId) && !string.IsNullOrEmpty(eventId))
        {
            return IdempotentSend.KeyOfEvent("takeover", evt.UserPoolId, eventId);
        }

        return null;
    }

    /// <summary>
    /// Hands the email to the mailer so that every failure is an <see cref="EmailDeliveryException"/> which never carries
    /// the code: a provider refusing a request may quote it (a SendGrid 400 body, an SMTP reply), and a custom mailer may
    /// throw anything. The message is redacted, and a cause that mentions the code is dropped rather than passed on.
    /// </summary>
    private async Task DeliverAsync(EmailMessage message, string? code, CancellationToken cancellationToken)
    {
        try
        {
            await mailer.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not EmailDeliveryException || SecretForms(code).Any(f => ex.ToString().Contains(f, StringComparison.Ordinal)))
        {
            var typed = ex as EmailDeliveryException;
            var name = typed?.Mailer ?? mailer.GetType().Name;
            var text = typed?.Message ?? $"The {message.TriggerSource} email could not be sent: {name} threw {ex.GetType().Name}: {ex.Message}";
            var leaks = false;
            foreach (var form in SecretForms(code))
            {
                leaks |= ex.ToString().Contains(form, StringComparison.Ordinal);
                text = text.Replace(form, "[redacted]", StringComparison.Ordinal);
            }

            throw new EmailDeliveryException(name, typed?.StatusCode, text, leaks ? null : ex);
        }
    }

    /// <summary>The code as it may be quoted back: plain, HTML-, JSON- and URL-encoded (longest first, so each is redacted whole).</summary>
    private static IEnumerable<string> SecretForms(string? code)
        => string.IsNullOrEmpty(code)
            ? []
            : new[] { code, System.Net.WebUtility.HtmlEncode(code), System.Text.Encodings.Web.HtmlEncoder.Default.Encode(code), System.Text.Json.JsonEncodedText.Encode(code).ToString(), Uri.EscapeDataString(code) }
                .Distinct(StringComparer.Ordinal).OrderByDescending(f => f.Length);

    private double Elapsed(long started) => Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 2);
}
