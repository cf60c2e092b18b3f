using Exanubes.Cognito.IntegrationTests.CognitoLocal;
using Microsoft.Playwright;
using static Exanubes.Cognito.Samples.Tests.Demo.DemoBrowserTests;

namespace Exanubes.Cognito.Samples.Tests.Demo;

/// <summary>
/// The passwordless side of the demo in Debian's chromium, at the <c>http://localhost</c> origin:
/// <list type="bullet">
/// <item>"Sign in with a code by email": USER_AUTH EMAIL_OTP; the local Cognito sends the code through the
/// CustomEmailSender trigger (KMS-encrypted) to our sender, which mails it to maildev, where the test reads it;</item>
/// <item>"Create a passkey" on the account page, then "Sign in with a passkey", with Chromium's virtual authenticator
/// (DevTools WebAuthn domain) answering <c>navigator.credentials.create</c> / <c>get</c>;</item>
/// <item>"Remember this device" at the MFA step: the next sign-in from that browser skips MFA, another browser is
/// still asked, and forgetting the device brings MFA back.</item>
/// </list>
/// </summary>
[Collection(DemoStackCollection.Name)]
public sealed class DemoPasswordlessBrowserTests(DemoStackFixture fixture)
{
    [Fact]
    public async Task Demo_SignInWithCodeByEmail_CodeFromMaildevSignsIn()
    {
        var email = DemoStackFixture.NewEmail("code");
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Demo.ToString() });
        var page = await context.NewPageAsync();
        await new DemoBrowserTests(fixture).SignUpAndVerifyAsync(page, email);

        await page.GotoAsync("/signin");
        await page.ClickAsync("#to-code");
        await page.FillAsync("#email", email);
        await Shot(page, "40-code-sign-in-form");
        await page.ClickAsync("#send-code");
        await Expect(page, "h1", "Enter your sign-in code");
        await Expect(page, ".notice.info", $"We emailed a sign-in code to {email[0]}***@");
        await Shot(page, "41-code-sent");

        var (mail, code) = await SignInCodeMail.WaitAsync(fixture.Inbox, email);
        Assert.Contains(code, mail["html"]!.GetValue<string>(), StringComparison.Ordinal);
        await new DemoBrowserTests(fixture).ShowInbox(context, "42-inbox-sign-in-code", email);

        await page.FillAsync("#code", code);
        await page.ClickAsync("#verify-code");
        await Expect(page, "h1", "Your validated token");
        Assert.Equal("access", (await page.InnerTextAsync("#claim-token-use")).Trim());
        await Shot(page, "43-code-signed-in");

        // The pending step's cookie is gone; the session it held answered once.
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "demo_pending");
        fixture.AssertLogsHoldNone(code);
    }

    [Fact]
    public async Task Demo_CreatePasskeyOnAccountPage_ThenSignInWithThePasskey()
    {
        var email = DemoStackFixture.NewEmail("passkey");
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Demo.ToString() });
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        var added = await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
            },
        });
        var authenticatorId = added!.Value.GetProperty("authenticatorId").GetString()!;

        await new DemoBrowserTests(fixture).SignUpAndVerifyAsync(page, email);
        await SignInAsync(page, email, DemoStackFixture.Password);
        await Expect(page, "h1", "Your validated token");
        var sub = (await page.InnerTextAsync("#claim-sub")).Trim();

        await page.GotoAsync("/account");
        await Expect(page, "h1", "Your account");
        Assert.True(await page.IsVisibleAsync("#no-passkeys"));
        Assert.DoesNotContain("WEB_AUTHN", await page.InnerTextAsync("#first-factors"), StringComparison.Ordinal);
        await page.ClickAsync("#create-passkey");
        await Expect(page, "h1", "Create a passkey");
        await Shot(page, "50-create-passkey");
        await page.ClickAsync("#passkey-create");
        await Expect(page, ".notice.ok", "Your passkey is ready");
        Assert.Equal(1, await page.Locator("#passkeys tr").CountAsync());
        Assert.Contains("WEB_AUTHN", await page.InnerTextAsync("#first-factors"), StringComparison.Ordinal);
        await Shot(page, "51-passkey-created");

        // The authenticator holds one discoverable credential for the relying party "localhost".
        var credentials = await cdp.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = authenticatorId });
        var credential = Assert.Single(credentials!.Value.GetProperty("credentials").EnumerateArray());
        Assert.Equal("localhost", credential.GetProperty("rpId").GetString());
        Assert.True(credential.GetProperty("isResidentCredential").GetBoolean());

        // Sign out, then in with the passkey alone.
        await page.ClickAsync("#signout");
        await Expect(page, ".notice.info", "You are signed out");
        await page.ClickAsync("#to-passkey");
        await page.FillAsync("#email", email);
        await page.ClickAsync("#start-passkey");
        await Expect(page, "h1", "Sign in with a passkey");
        await Shot(page, "52-passkey-sign-in");
        await page.ClickAsync("#use-passkey");
        await Expect(page, "h1", "Your validated token");
        Assert.Equal(sub, (await page.InnerTextAsync("#claim-sub")).Trim());
        await Shot(page, "53-passkey-signed-in");
        var signCount = (await cdp.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = authenticatorId }))!.Value
            .GetProperty("credentials")[0].GetProperty("signCount").GetInt32();
        Assert.True(signCount >= 1, $"the assertion was signed by the virtual authenticator (signCount {signCount})");

        // Delete it on the account page: a passkey sign-in is then refused with a clear message.
        await page.GotoAsync("/account");
        await page.Locator("#passkeys button").First.ClickAsync();
        await Expect(page, ".notice.ok", "The passkey was deleted");
        Assert.True(await page.IsVisibleAsync("#no-passkeys"));
        await page.ClickAsync("#signout");
        await page.GotoAsync("/signin/passkey");
        await page.FillAsync("#email", email);
        await page.ClickAsync("#start-passkey");
        await Expect(page, ".notice.error", "This account has no passkey yet");
    }

    [Fact]
    public async Task Demo_RememberThisDeviceAtMfa_NextSignInFromThatBrowserSkipsMfa()
    {
        var email = DemoStackFixture.NewEmail("device");
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Demo.ToString() });
        var page = await context.NewPageAsync();
        await new DemoBrowserTests(fixture).SignUpAndVerifyAsync(page, email);
        await SignInAsync(page, email, DemoStackFixture.Password);
        await Expect(page, "h1", "Your validated token");

        // Turn on MFA with an authenticator app.
        await page.GotoAsync("/account");
        await page.ClickAsync("#setup-totp");
        await Expect(page, "h1", "Set up an authenticator app");
        var secret = (await page.InnerTextAsync("#totp-secret")).Trim();
        await page.FillAsync("#code", TotpCode.At(secret, DateTimeOffset.UtcNow));
        await page.ClickAsync("#confirm-totp");
        await Expect(page, ".notice.ok", "Your authenticator app is set up");
        Assert.Contains("SOFTWARE_TOKEN_MFA", await page.InnerTextAsync("#mfa-methods"), StringComparison.Ordinal);
        await page.ClickAsync("#signout");

        // Sign in: MFA is asked; tick "Remember this device".
        await SignInAsync(page, email, DemoStackFixture.Password);
        await Expect(page, "h1", "Enter your authenticator code");
        await page.CheckAsync("#remember-device");
        await page.FillAsync("#code", TotpCode.At(secret, DateTimeOffset.UtcNow));
        await Shot(page, "60-mfa-remember-this-device");
        await page.ClickAsync("#verify-mfa");
        await Expect(page, "h1", "Your validated token");
        var deviceCookie = Assert.Single(await context.CookiesAsync(), c => c.Name.StartsWith(".Exanubes.Cognito.Device.", StringComparison.Ordinal));
        Assert.True(deviceCookie.HttpOnly);
        Assert.DoesNotContain(deviceCookie.Name, await page.EvaluateAsync<string>("document.cookie"), StringComparison.Ordinal);
        await page.GotoAsync("/account");
        Assert.Equal(1, await page.Locator("#devices tr").CountAsync());
        Assert.Contains("Chromium (demo)", await page.InnerTextAsync("#devices"), StringComparison.Ordinal);
        await Shot(page, "61-device-remembered");
        await page.ClickAsync("#signout");

        // The next sign-in from this browser goes straight in (device SRP, no MFA).
        await SignInAsync(page, email, DemoStackFixture.Password);
        await Expect(page, "h1", "Your validated token");
        await Shot(page, "62-remembered-device-no-mfa");

        // Another browser (no device cookie) is still asked for MFA.
        await using (var other = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Demo.ToString() }))
        {
            var otherPage = await other.NewPageAsync();
            await SignInAsync(otherPage, email, DemoStackFixture.Password);
            await Expect(otherPage, "h1", "Enter your authenticator code");
        }

        // Forget the device on the account page: MFA comes back for this browser too.
        await page.GotoAsync("/account");
        await page.Locator("#devices button").First.ClickAsync();
        await Expect(page, ".notice.ok", "The device was forgotten");
        Assert.True(await page.IsVisibleAsync("#no-devices"));
        await page.ClickAsync("#signout");
        await SignInAsync(page, email, DemoStackFixture.Password);
        await Expect(page, "h1", "Enter your authenticator code");
        await Shot(page, "63-forgotten-device-mfa-again");
        fixture.AssertLogsHoldNone(secret, deviceCookie.Value);
    }
}
