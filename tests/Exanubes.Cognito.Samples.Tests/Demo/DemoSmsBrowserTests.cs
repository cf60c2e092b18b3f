using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Exanubes.Cognito.Samples.Tests.Demo.DemoBrowserTests;

namespace Exanubes.Cognito.Samples.Tests.Demo;

/// <summary>
/// Sign-up with a phone number in Debian's chromium: the code travels the local Cognito (its CustomSMSSender extension,
/// the code encrypted under the KMS stand-in and bound to the pool) → the Lambda host → our CustomSmsSenderFunction
/// (strict decryption, template, segment count) → the development sink → the demo's "SMS inbox" page, where the person
/// reads it and verifies the account, then signs in.
/// </summary>
[Collection(DemoStackCollection.Name)]
public sealed partial class DemoSmsBrowserTests(DemoStackFixture fixture)
{
    [Fact]
    public async Task Demo_SignUpWithPhone_CodeArrivesInTheSmsInboxAndVerifiesTheAccount()
    {
        var email = DemoStackFixture.NewEmail("phone");
        var phone = "+1555" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Demo.ToString() });
        var page = await context.NewPageAsync();

        // From the ordinary sign-up page to the phone one.
        await page.GotoAsync("/signup");
        await page.ClickAsync("#to-signup-phone");
        await page.FillAsync("#email", email);
        await page.FillAsync("#phone", phone);
        await page.FillAsync("#password", DemoStackFixture.Password);
        await Shot(page, "sms-01-signup-with-phone");
        await page.ClickAsync("#signup-phone");
        await Expect(page, "h1", "Check your phone");

        // The SMS inbox page, as the person would open it from the link.
        var inbox = await context.NewPageAsync();
        var row = inbox.Locator("tr.sms", new PageLocatorOptions { HasText = phone });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        await inbox.GotoAsync("/sms-inbox");
        while (await row.CountAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"No SMS to {phone} reached the SMS inbox:\n{await inbox.InnerTextAsync("body")}\n{fixture.Diagnostics()}");
            await Task.Delay(250);
            await inbox.ReloadAsync();
        }

        Assert.Equal(1, await row.CountAsync());
        Assert.Equal("CustomSMSSender_SignUp", (await row.Locator(".sms-source").InnerTextAsync()).Trim());
        Assert.Equal("GSM-7, 1", (await row.Locator(".sms-parts").InnerTextAsync()).Trim());
        var body = (await row.Locator(".sms-body").InnerTextAsync()).Trim();
        var code = Code().Match(body);
        Assert.True(code.Success, $"The SMS text '{body}' holds no code.");
        Assert.Equal($"Your verification code is {code.Value}", body);
        await Shot(inbox, "sms-02-sms-inbox");

        // The development sink's file is what the page showed: one line for this phone, written by our SMS function.
        var lines = File.ReadAllLines(fixture.Stack.SmsInboxPath).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        var line = Assert.Single(lines, l => l.GetProperty("phoneNumber").GetString() == phone);
        Assert.Equal(body, line.GetProperty("body").GetString());
        Assert.Equal("CustomSMSSender_SignUp", line.GetProperty("triggerSource").GetString());

        // Verify with the texted code; Cognito confirms the user.
        await page.FillAsync("#code", code.Value);
        await page.ClickAsync("#verify-phone");
        await Expect(page, ".notice.ok", "Your account is verified");
        await Shot(page, "sms-03-phone-verified");
        Assert.Equal("CONFIRMED", await fixture.Stack.Admin.GetUserStatusAsync(fixture.Stack.UserPoolId, email));

        // Sign in; the protected page validates the token.
        await page.ClickAsync("#to-signin");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", DemoStackFixture.Password);
        await page.ClickAsync("#signin");
        await Expect(page, "h1", "Your validated token");

        // The code never reached a log record of the stack.
        fixture.AssertLogsHoldNone(code.Value);
    }

    [Fact]
    public async Task Demo_WrongSmsCode_IsRefusedAndTheUserStaysUnconfirmed()
    {
        var email = DemoStackFixture.NewEmail("phone-wrong");
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Demo.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signup-phone");
        await page.FillAsync("#email", email);
        await page.FillAsync("#phone", "+15550009999");
        await page.FillAsync("#password", DemoStackFixture.Password);
        await page.ClickAsync("#signup-phone");
        await Expect(page, "h1", "Check your phone");

        await page.FillAsync("#code", "000000");
        await page.ClickAsync("#verify-phone");

        await Expect(page, ".notice.error", string.Empty);
        Assert.Equal("UNCONFIRMED", await fixture.Stack.Admin.GetUserStatusAsync(fixture.Stack.UserPoolId, email));
    }

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex Code();
}
