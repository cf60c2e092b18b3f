using System.Text.Json;
using System.Text.Json.Nodes;
using Exanubes.Cognito.EmailSender.Tests.Support;
using Exanubes.Cognito.Lambda;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Exanubes.Cognito.EmailSender.Tests.Pipeline;

/// <summary>try-begin → send → complete or release, through the whole function with the in-memory store.</summary>
public class DuplicateSuppressionTests
{
    [Fact]
    public async Task HandleAsync_FiftyConcurrentDeliveriesOfOneEvent_SendsOneMail()
    {
        var mailer = new GatedMailer();
        var function = Function(mailer, new InMemoryIdempotencyStore(TimeProvider.System));
        await function.HandleEventAsync(CustomEmailSenderEvent.Parse(Fixtures.Bytes("AccountTakeOverNotification")));
        mailer.Reset(hold: true);

        var deliveries = Enumerable.Range(0, 50).Select(_ => Task.Run(() => function.HandleAsync(new MemoryStream(Fixtures.Bytes("SignUp"))))).ToArray();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(mailer.Waiting == 1 && deliveries.Count(d => d.IsCompleted) == 49))
        {
            Assert.True(DateTime.UtcNow < deadline, $"expected 1 send held and 49 deliveries done; {mailer.Waiting} held, {deliveries.Count(d => d.IsCompleted)} done");
            await Task.Delay(10);
        }

        mailer.Release();
        var outcomes = await Task.WhenAll(deliveries.Select(async d =>
        {
            try
            {
                await d;
                return "Sent";
            }
            catch (EmailSendInProgressException)
            {
                return "InProgress";
            }
        }));

        Assert.Equal(1, mailer.Sends);
        Assert.Equal(1, outcomes.Count(o => o == "Sent"));
        Assert.Equal(49, outcomes.Count(o => o == "InProgress"));

        // Once completed, a later re-delivery is a quiet duplicate.
        await function.HandleAsync(new MemoryStream(Fixtures.Bytes("SignUp")));
        Assert.Equal(1, mailer.Sends);
    }

    [Fact]
    public async Task HandleAsync_HolderCrashed_RetryFailsUntilTheLeaseExpiresThenSends()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var store = new InMemoryIdempotencyStore(time, new IdempotencyStoreOptions { LeaseDuration = TimeSpan.FromMinutes(2) });
        var mailer = new GatedMailer();
        var function = Function(mailer, store, time);
        var evt = CustomEmailSenderEvent.Parse(Fixtures.Bytes("SignUp"));

        // A delivery that took the lease and then died: it never completes nor releases.
        var crashed = await store.TryBeginAsync(CustomEmailSenderPipeline.IdempotencyKey(evt)!, default);
        Assert.Equal(IdempotencyClaimStatus.Acquired, crashed.Status);

        time.Advance(TimeSpan.FromMinutes(1));
        var retry = await Assert.ThrowsAsync<EmailSendInProgressException>(() => function.HandleEventAsync(evt));
        Assert.Equal(crashed.LeaseExpiresAt, retry.LeaseExpiresAt);
        Assert.Equal(0, mailer.Sends);

        time.Advance(TimeSpan.FromMinutes(1));
        await function.HandleEventAsync(evt);
        Assert.Equal(1, mailer.Sends);

        await function.HandleEventAsync(evt);
        Assert.Equal(1, mailer.Sends);
    }

    [Fact]
    public async Task HandleAsync_MarkingCompletedFails_IsLoggedNotRethrown()
    {
        var mailer = new GatedMailer();
        var store = new FailingStore(new InMemoryIdempotencyStore(TimeProvider.System)) { FailComplete = true };
        var function = Function(mailer, store);

        await function.HandleAsync(new MemoryStream(Fixtures.Bytes("SignUp")));

        Assert.Equal(1, mailer.Sends);
        var warning = Lines(function).Single(l => l.GetProperty("eventId").GetInt32() == 6005);
        Assert.Contains("table unavailable", warning.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Fixtures.Codes["SignUp"]!, function.Stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal("Sent", Lines(function).Single(l => l.GetProperty("eventId").GetInt32() == 6000).GetProperty("Outcome").GetString());
    }

    [Fact]
    public async Task HandleAsync_SendFails_ReleasesTheLeaseSoTheRetrySendsAtOnce()
    {
        var mailer = new GatedMailer { FailWith = new EmailDeliveryException("Test", 503, "down") };
        var store = new FailingStore(new InMemoryIdempotencyStore(new FakeTimeProvider()));
        var function = Function(mailer, store);

        await Assert.ThrowsAsync<EmailDeliveryException>(() => function.HandleAsync(new MemoryStream(Fixtures.Bytes("SignUp"))));
        mailer.FailWith = null;
        await function.HandleAsync(new MemoryStream(Fixtures.Bytes("SignUp")));

        Assert.Equal(1, store.Releases);
        Assert.Equal(1, mailer.Sends);
    }

    [Fact]
    public async Task HandleAsync_ReleaseFailsAfterSendFailed_TheSendErrorEscapes()
    {
        var mailer = new GatedMailer { FailWith = new EmailDeliveryException("Test", 503, "down") };
        var store = new FailingStore(new InMemoryIdempotencyStore(TimeProvider.System)) { FailRelease = true };
        var function = Function(mailer, store);

        await Assert.ThrowsAsync<EmailDeliveryException>(() => function.HandleAsync(new MemoryStream(Fixtures.Bytes("SignUp"))));

        Assert.Contains(Lines(function), l => l.GetProperty("eventId").GetInt32() == 6006);
    }

    [Fact]
    public async Task HandleAsync_AccountTakeOverNoticeDeliveredTwice_SendsOnceKeyedOnTheEventId()
    {
        var mailer = new GatedMailer();
        var function = Function(mailer, new InMemoryIdempotencyStore(TimeProvider.System));

        await function.HandleEventAsync(TakeoverEvent("a1b2c3d4-0000-4000-8000-000000000001"));
        await function.HandleEventAsync(TakeoverEvent("a1b2c3d4-0000-4000-8000-000000000001"));
        await function.HandleEventAsync(TakeoverEvent("a1b2c3d4-0000-4000-8000-000000000002"));

        Assert.Equal(2, mailer.Sends);
    }

    [Fact]
    public void IdempotencyKey_TakeoverNotice_DependsOnPoolAndEventIdOnly()
    {
        var a = CustomEmailSenderPipeline.IdempotencyKey(TakeoverEvent("e-1"));
        var b = CustomEmailSenderPipeline.IdempotencyKey(TakeoverEvent("e-1", ip: "198.51.100.1"));
        var c = CustomEmailSenderPipeline.IdempotencyKey(TakeoverEvent("e-1", pool: "eu-west-1_OtherPool"));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Matches("^[0-9a-f]{64}$", a);
        Assert.DoesNotContain("e-1", a, StringComparison.Ordinal);
        Assert.Null(CustomEmailSenderPipeline.IdempotencyKey(TakeoverEvent(null)));
    }

    private static CustomEmailSenderEvent TakeoverEvent(string? eventId, string ip = "203.0.113.7", string pool = Fixtures.UserPoolId)
    {
        var node = JsonNode.Parse(Fixtures.Bytes("AccountTakeOverNotification"))!;
        var attributes = node["request"]!["userAttributes"]!.AsObject();
        attributes["EVENT_ID"] = eventId;
        attributes["IP_ADDRESS"] = ip;
        node["userPoolId"] = pool;
        return CustomEmailSenderEvent.Parse(JsonSerializer.SerializeToUtf8Bytes(node));
    }

    private static TestFunction Function(IMailer mailer, IIdempotencyStore store, TimeProvider? time = null)
        => TestFunction.Create(TestFunction.Environment(), (services, _) =>
        {
            services.AddSingleton<Amazon.KeyManagementService.IAmazonKeyManagementService>(new FakeKeyManagementService());
            services.AddSingleton(mailer);
            services.AddSingleton(store);
            if (time is not null)
            {
                services.AddSingleton(time);
            }
        });

    private static List<JsonElement> Lines(TestFunction function)
        => function.Stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone()).Where(e => e.TryGetProperty("eventId", out _)).ToList();

    /// <summary>Counts sends; can hold every send until released, so deliveries overlap for real.</summary>
    private sealed class GatedMailer : IMailer
    {
        private TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _sends;
        private int _waiting;

        public GatedMailer() => _gate.SetResult();

        public int Sends => Volatile.Read(ref _sends);

        public int Waiting => Volatile.Read(ref _waiting);

        public Exception? FailWith { get; set; }

        public void Reset(bool hold)
        {
            _sends = 0;
            _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!hold)
            {
                _gate.SetResult();
            }
        }

        public void Release() => _gate.TrySetResult();

        public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _waiting);
            await _gate.Task;
            Interlocked.Decrement(ref _waiting);
            if (FailWith is not null)
            {
                throw FailWith;
            }

            Interlocked.Increment(ref _sends);
        }
    }

    /// <summary>A real store whose writes can be made to fail, as a DynamoDB table that throttles or is unreachable.</summary>
    private sealed class FailingStore(IIdempotencyStore inner) : IIdempotencyStore
    {
        public bool FailComplete { get; init; }

        public bool FailRelease { get; init; }

        public int Releases { get; private set; }

        public ValueTask<IdempotencyClaim> TryBeginAsync(string key, CancellationToken cancellationToken) => inner.TryBeginAsync(key, cancellationToken);

        public ValueTask CompleteAsync(IdempotencyClaim claim, CancellationToken cancellationToken)
            => FailComplete ? throw new InvalidOperationException("table unavailable") : inner.CompleteAsync(claim, cancellationToken);

        public ValueTask ReleaseAsync(IdempotencyClaim claim, CancellationToken cancellationToken)
        {
            Releases++;
            return FailRelease ? throw new InvalidOperationException("table unavailable") : inner.ReleaseAsync(claim, cancellationToken);
        }
    }
}
