using Microsoft.Playwright;

namespace Exanubes.Cognito.Samples.Tests.Demo;

/// <summary>
/// Debian's chromium driven through Playwright's .NET driver. Never downloads a browser: the tests use the system one
/// (CI installs it with <c>apt-get install -y chromium</c>) and fail with a clear message when it is missing.
/// </summary>
internal static class SystemChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Args =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's chromium at {ExecutablePath}; install it with `apt-get install -y chromium` " +
                "(.ci/run does). Playwright's own browser download is deliberately not used.");
        }

        // Playwright must never fetch browsers; the driver only talks to the executable we name.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Args = Args,
                Headless = true,
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
