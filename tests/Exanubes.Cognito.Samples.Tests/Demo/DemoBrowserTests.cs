using Exanubes.Cognito.TestSupport;
using Microsoft.Playwright;

namespace Exanubes.Cognito.Samples.Tests.Demo;

/// <summary>
/// A person's walk through the demo in Debian's chromium: sign up → the email travels cognito-local → KMS stand-in →
/// Lambda host → our decryptor → SMTP → maildev → open its link → verified → sign in → the protected page shows the
/// validated claims → sign out → the page refuses; then forgot password → reset → sign in with the new password.
/// Each step leaves a screenshot in artifacts/screenshots.
/// </summary>
[Collection(DemoStackCollection.Name)]
public sealed class DemoBrowserTests(DemoStackFixture fixture)
{
    private static readonly string Screenshots = RepoPaths.Artifacts("screenshots");

    [Fact]
    public async Task Demo_SignUpVerifySignInSignOut_WalksTheWholeStory()
    {
        var email = DemoStackFixture.NewEmail("walk");
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Demo.ToString() });
        var page = await context.NewPageAsync();

        // Sign up.
        await page.GotoAsync("/signup");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", DemoStackFixture.Password);
        await Shot(page, "01-signup-form");
        await page.ClickAsync("#signup");
        await Expect(page, "h1", "Check your inbox");
        await Shot(page, "02-signup-check-inbox");

        // The email arrives through the whole chain; the test reads it as the person would and opens its link.
        var verify = await fixture.Inbox.WaitForLinkAsync(email, "/verify");
        Assert.Equal(fixture.Demo.Authority, verify.Authority);
        await ShowInbox(context, "03-inbox-verification-email", email);

        await page.GotoAsync(verify.ToString());
        await Expect(page, ".notice.ok", "Your account is verified");
        await Shot(page, "04-verified");
        Assert.Equal("CONFIRMED", await fixture.Stack.Admin.GetUserStatusAsync(fixture.Stack.UserPoolId, email));

        // Sign in; the protected page shows the validated token's claims.
        await SignInAsync(page, email, DemoStackFixture.Password);
        await Expect(page, "h1", "Your validated token");
        var sub = await ClaimAsync(page, "sub");
        Assert.Matches("^[0-9a-f-]{36}$", sub);
        Assert.Equal(Query(verify, "username"), sub); // the link's username is the pool's username for this email (its sub)
        Assert.Equal(sub, await ClaimAsync(page, "username"));
        Assert.Equal("access", await ClaimAsync(page, "token-use"));
        Assert.Equal("(none)", await ClaimAsync(page, "groups"));
        Assert.Equal(fixture.Stack.ClientId, await ClaimAsync(page, "client"));
        var expires = DateTimeOffset.Parse(await ClaimAsync(page, "expires"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1).AddMinutes(1));
        await Shot(page, "05-protected-page-claims");

        // Tokens live in HttpOnly, SameSite=Strict cookies that scripts cannot see.
        var cookies = await context.CookiesAsync();
        var access = Assert.Single(cookies, c => c.Name == "demo_access");
        Assert.True(access.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, access.SameSite);
        Assert.Contains(cookies, c => c.Name == "demo_refresh" && c.HttpOnly);
        Assert.DoesNotContain("demo_access", await page.EvaluateAsync<string>("document.cookie"), StringComparison.Ordinal);

        // Refresh the tokens; the page still validates them.
        await page.ClickAsync("#refresh");
        await Expect(page, ".notice.ok", "Your tokens were refreshed");
        Assert.Equal(sub, await ClaimAsync(page, "sub"));

        // The group-only page refuses a user outside the group.
        var admin = await page.GotoAsync("/admin");
        Assert.Equal(403, admin!.Status);
        await Expect(page, ".notice.error", "members of the 'admins' group");
        await Shot(page, "06-admin-page-forbidden");

        // Sign out; the protected page then refuses and sends the person to sign in.
        await page.GotoAsync("/me");
        await page.ClickAsync("#signout");
        await Expect(page, ".notice.info", "You are signed out");
        await Shot(page, "07-signed-out");
        await page.GotoAsync("/me");
        Assert.EndsWith("/signin?reason=signin-required&returnUrl=%2Fme", page.Url, StringComparison.Ordinal);
        await Expect(page, ".notice.info", "Please sign in to see that page");
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "demo_access");
        await Shot(page, "08-protected-page-refuses");

        // Nothing on the way logged the code, the tokens or the password (every level, demo and stack).
        fixture.AssertLogsHoldNone(Query(verify, "code"), access.Value, cookies.Single(c => c.Name == "demo_refresh").Value, DemoStackFixture.Password);
    }

    [Fact]
    public async Task Demo_ForgotPassword_ResetsByEmailedLinkAndSignsInWithTheNewPassword()
    {
        var email = DemoStackFixture.NewEmail("reset");
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Demo.ToString() });
        var page = await context.NewPageAsync();
        await SignUpAndVerifyAsync(page, email);

        await page.GotoAsync("/forgot-password");
        await page.FillAsync("#email", email);
        await page.ClickAsync("#forgot");
        await Expect(page, ".notice.info", "we sent it a link to choose a new password");
        await Shot(page, "10-forgot-password-sent");

        var reset = await fixture.Inbox.WaitForLinkAsync(email, "/reset-password");
        await ShowInbox(context, "11-inbox-reset-email", email);
        await page.GotoAsync(reset.ToString());
        await page.FillAsync("#password", DemoStackFixture.NewPassword);
        await Shot(page, "12-reset-form");
        await page.ClickAsync("#reset");
        await Expect(page, ".notice.info", "Your password was changed");
        await Shot(page, "13-reset-done");

        // The old password no longer works; the new one does.
        await SignInAsync(page, email, DemoStackFixture.Password);
        await Expect(page, ".notice.error", "Wrong email or password");
        await Shot(page, "14-old-password-refused");
        await SignInAsync(page, email, DemoStackFixture.NewPassword);
        await Expect(page, "h1", "Your validated token");
        await Shot(page, "15-signed-in-with-new-password");

        // Signed in, the person changes the password again: a wrong current one is refused, the right one works.
        await page.GotoAsync("/change-password");
        await page.FillAsync("#current", DemoStackFixture.Password);
        await page.FillAsync("#proposed", "Th1rd-Passw0rd!demo");
        await page.ClickAsync("#change");
        await Expect(page, ".notice.error", "Your current password is not right");
        await Shot(page, "16-change-password-wrong-current");
        await page.FillAsync("#current", DemoStackFixture.NewPassword);
        await page.FillAsync("#proposed", "Th1rd-Passw0rd!demo");
        await page.ClickAsync("#change");
        await Expect(page, ".notice.ok", "Your password was changed");
        await Shot(page, "17-change-password-done");
        await page.ClickAsync("#signout");
        await SignInAsync(page, email, "Th1rd-Passw0rd!demo");
        await Expect(page, "h1", "Your validated token");
    }

    [Fact]
    public async Task Demo_WrongVerificationCode_ShowsAClearMessage()
    {
        var email = DemoStackFixture.NewEmail("wrongcode");
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Demo.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signup");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", DemoStackFixture.Password);
        await page.ClickAsync("#signup");
        var verify = await fixture.Inbox.WaitForLinkAsync(email, "/verify");
        var code = Query(verify, "code");
        var wrong = code == "000000" ? "111111" : "000000";

        var response = await page.GotoAsync($"/verify?code={wrong}&username={Uri.EscapeDataString(Query(verify, "username"))}");
        Assert.Equal(400, response!.Status);
        await Expect(page, ".notice.error", "That code is not right");
        await Shot(page, "20-wrong-code");

        // Signing in before verifying explains what to do.
        await SignInAsync(page, email, DemoStackFixture.Password);
        await Expect(page, ".notice.error", "Your account is not verified yet");
        Assert.True(await page.IsVisibleAsync("#resend"));
        await Shot(page, "21-unconfirmed-sign-in");
    }

    internal async Task SignUpAndVerifyAsync(IPage page, string email)
    {
        await page.GotoAsync("/signup");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", DemoStackFixture.Password);
        await page.ClickAsync("#signup");
        await Expect(page, "h1", "Check your inbox");
        var verify = await fixture.Inbox.WaitForLinkAsync(email, "/verify");
        await page.GotoAsync(verify.ToString());
        await Expect(page, ".notice.ok", "Your account is verified");
    }

    internal static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/signin");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#signin");
    }

    internal static async Task Expect(IPage page, string selector, string text)
    {
        var locator = page.Locator(selector).First;
        try
        {
            await locator.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"'{selector}' did not appear on {page.Url}; the page says:\n{await page.InnerTextAsync("body")}");
        }

        var actual = await locator.InnerTextAsync();
        Assert.True(actual.Contains(text, StringComparison.Ordinal), $"Expected '{selector}' to contain '{text}' on {page.Url}, found '{actual}'.");
    }

    internal static async Task Shot(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    internal async Task ShowInbox(IBrowserContext context, string name, string? address = null)
    {
        var inbox = await context.NewPageAsync();
        await inbox.GotoAsync(fixture.Inbox.Url.ToString());
        await inbox.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (address is not null)
        {
            // Open the newest mail to this address in maildev's own UI, as the person would.
            await inbox.GetByText(address).First.ClickAsync();
            await inbox.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        await Shot(inbox, name);
        await inbox.CloseAsync();
    }

    private static async Task<string> ClaimAsync(IPage page, string id) => (await page.InnerTextAsync($"#claim-{id}")).Trim();

    internal static string Query(Uri uri, string name) =>
        System.Web.HttpUtility.ParseQueryString(uri.Query)[name] ?? throw new InvalidOperationException($"'{name}' missing from {uri}");
}
