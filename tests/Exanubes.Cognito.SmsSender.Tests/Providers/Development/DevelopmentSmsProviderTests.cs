using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Exanubes.Cognito.SmsSender.Tests.Providers.Development;

public sealed class DevelopmentSmsProviderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "exanubes-sms-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task SendAsync_TwoMessages_AppendsOneJsonLineEach()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 4, 0, 0, TimeSpan.Zero));
        var provider = new DevelopmentSmsProvider(Path.Combine(_folder, "inbox", "sms.jsonl"), time);

        await provider.SendAsync(new SmsMessage { PhoneNumber = "+15555550100", Body = "Your code is 123456", TriggerSource = "CustomSMSSender_SignUp" }, default);
        await provider.SendAsync(new SmsMessage { PhoneNumber = "+15555550101", Body = "Код: 654321", TriggerSource = "CustomSMSSender_Authentication" }, default);

        var lines = await File.ReadAllLinesAsync(provider.Path);
        Assert.Equal(2, lines.Length);
        var first = JsonNode.Parse(lines[0])!;
        Assert.Equal("+15555550100", first["phoneNumber"]!.GetValue<string>());
        Assert.Equal("Your code is 123456", first["body"]!.GetValue<string>());
        Assert.Equal("CustomSMSSender_SignUp", first["triggerSource"]!.GetValue<string>());
        Assert.Equal("GSM-7", first["encoding"]!.GetValue<string>());
        Assert.Equal(1, first["parts"]!.GetValue<int>());
        Assert.Equal("2026-12-02T04:00:00.0000000+00:00", first["sentAt"]!.GetValue<string>());
        Assert.Equal("UCS-2", JsonNode.Parse(lines[1])!["encoding"]!.GetValue<string>());
    }

    [Fact]
    public void Constructor_EmptyPath_Throws()
        => Assert.Throws<ArgumentException>(() => new DevelopmentSmsProvider(" ", TimeProvider.System));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
