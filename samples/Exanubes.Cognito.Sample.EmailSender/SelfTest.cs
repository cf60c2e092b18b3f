using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Exanubes.Cognito.Sample.EmailSender;

/// <summary>
/// The binary's self-test (<c>--self-test &lt;folder&gt;</c>): runs the real function (decrypt through the configured KMS
/// endpoint, render, send through the configured mailer) on every <c>*.json</c> event in the folder, in name order, and
/// prints one <c>SELFTEST {json}</c> line per event and one about the runtime. xunit cannot run under Native AOT, so a
/// JIT test drives this entry point and checks what the mailer's stand-in received
/// (tests/Exanubes.Cognito.Samples.Tests/Aot).
/// </summary>
internal static class SelfTest
{
    public const string Prefix = "SELFTEST ";

    public static async Task<int> RunAsync(string folder)
    {
        Report(writer =>
        {
            writer.WriteString("kind", "runtime");
            writer.WriteBoolean("isDynamicCodeSupported", RuntimeFeature.IsDynamicCodeSupported);
            writer.WriteBoolean("invariantGlobalization", AppContext.TryGetSwitch("System.Globalization.Invariant", out var invariant) && invariant);
            writer.WriteString("currentCulture", CultureInfo.CurrentCulture.Name);
        });

        var function = new Function();
        var failures = 0;
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            try
            {
                await using var input = File.OpenRead(file);
                await using var response = await function.HandleAsync(input).ConfigureAwait(false);
                using var reader = new StreamReader(response, Encoding.UTF8);
                var body = await reader.ReadToEndAsync().ConfigureAwait(false);
                Report(writer =>
                {
                    writer.WriteString("kind", "event");
                    writer.WriteString("event", name);
                    writer.WriteBoolean("ok", true);
                    writer.WriteString("response", body);
                });
            }
            catch (Exception ex)
            {
                failures++;
                Report(writer =>
                {
                    writer.WriteString("kind", "event");
                    writer.WriteString("event", name);
                    writer.WriteBoolean("ok", false);
                    writer.WriteString("error", $"{ex.GetType().FullName}: {ex.Message}");
                });
            }
        }

        return failures == 0 ? 0 : 1;
    }

    private static void Report(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        Console.Out.WriteLine(Prefix + Encoding.UTF8.GetString(buffer.ToArray()));
        Console.Out.Flush();
    }
}
