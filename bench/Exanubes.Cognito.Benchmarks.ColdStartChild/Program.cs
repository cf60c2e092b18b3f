using System.Diagnostics;
using Amazon.KeyManagementService;
using Exanubes.Cognito.EmailSender;
using Exanubes.Cognito.EmailSender.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Modes: hello | sender | warm <events>
var mode = args.Length > 0 ? args[0] : "hello";
if (mode == "hello")
{
    Console.WriteLine("hello");
    Console.Error.WriteLine($"cpu-ms {Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:F1}");
    return 0;
}

var started = Stopwatch.GetTimestamp();
var evt = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "SignUp.json"));
var function = new BenchFunction();
using (var input = new MemoryStream(evt))
{
    await function.HandleAsync(input);
}

var firstEvent = Stopwatch.GetElapsedTime(started);
if (mode == "sender")
{
    Console.Error.WriteLine($"first-event-ms {firstEvent.TotalMilliseconds:F2}");
    Console.Error.WriteLine($"cpu-ms {Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:F1}");
    return 0;
}

var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 500;
for (var i = 0; i < 50; i++)
{
    await function.HandleAsync(new MemoryStream(evt));
}

var samples = new double[count];
for (var i = 0; i < count; i++)
{
    var t = Stopwatch.GetTimestamp();
    await function.HandleAsync(new MemoryStream(evt));
    samples[i] = Stopwatch.GetElapsedTime(t).TotalMicroseconds;
}

Array.Sort(samples);
Console.Error.WriteLine($"warm-median-us {samples[count / 2]:F1} p90-us {samples[count * 9 / 10]:F1}");
return 0;

/// <summary>A Custom Email Sender as a user writes it, with KMS answered in-process and the development mailer.</summary>
internal sealed class BenchFunction : CustomEmailSenderFunction
{
    protected override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IAmazonKeyManagementService>(new FakeKeyManagementService());
        services.AddDevelopmentMailer(configuration.GetSection("Development"));
    }
}
