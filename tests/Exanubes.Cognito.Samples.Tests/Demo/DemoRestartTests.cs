using Microsoft.Playwright;
using static Exanubes.Cognito.Samples.Tests.Demo.DemoBrowserTests;

namespace Exanubes.Cognito.Samples.Tests.Demo;

/// <summary>
/// The stack survives restarting one piece: users and codes live in cognito-local's files and mails in maildev's
/// mail folder, not in the processes. The screenshots show what the person sees meanwhile.
/// </summary>
[Collection(DemoStackCollection.Name)]
public sealed class DemoRestartTests(DemoStackFixture fixture)
{
    [Fact]
    public async Task LambdaHostDown_DuringSignUp_UserKeptAndResentLinkVerifiesAfterRestart()
    {
        var email = DemoStackFixture.NewEmail("lambda-down");
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Demo.ToString() });
        var page = await context.NewPageAsync();
        var browser = new DemoBrowserTests(fixture);

        await fixture.Stack.LambdaHost.StopAsync();
        try
        {
            await page.GotoAsync("/signup");
            await page.FillAsync("#email", email);
            await page.FillAsync("#password", DemoStackFixture.Password);
            await page.ClickAsync("#signup");

            // Cognito accepted the sign-up; only the email could not go out. The person sees the usual page and a way to ask again.
            await Expect(page, "h1", "Check your inbox");
            Assert.True(await page.IsVisibleAsync("#resend"));
            await Shot(page, "30-lambda-down-signup-page");
            Assert.Equal("UNCONFIRMED", await fixture.Stack.Admin.GetUserStatusAsync(fixture.Stack.UserPoolId, email));
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Equal(0, await fixture.Inbox.CountLinksAsync(email, "/verify"));
        }
        finally
        {
            await fixture.Stack.LambdaHost.StartAsync();
        }

        // Back up (a cold start of the function): the person asks for a new link, which arrives and verifies the same account.
        await page.ClickAsync("#resend");
        await Expect(page, ".notice.info", "We sent a new verification link");
        var link = await fixture.Inbox.WaitForLinkAsync(email, "/verify");
        await browser.ShowInbox(context, "31-lambda-restarted-inbox");
        await page.GotoAsync(link.ToString());
        await Expect(page, ".notice.ok", "Your account is verified");
        await Shot(page, "32-lambda-restarted-verified");
        Assert.Equal("CONFIRMED", await fixture.Stack.Admin.GetUserStatusAsync(fixture.Stack.UserPoolId, email));
    }

    [Fact]
    public async Task InboxRestart_AfterTheEmailArrived_EmailAndCodeStillWork()
    {
        var email = DemoStackFixture.NewEmail("inbox-restart");
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Demo.ToString() });
        var page = await context.NewPageAsync();
        var browser = new DemoBrowserTests(fixture);

        await page.GotoAsync("/signup");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", DemoStackFixture.Password);
        await page.ClickAsync("#signup");
        var before = await fixture.Inbox.WaitForLinkAsync(email, "/verify");

        await fixture.Stack.Inbox.StopAsync();
        try
        {
            // Meanwhile the demo itself keeps working; only the inbox page is unreachable.
            await page.GotoAsync("/signin");
            await Expect(page, "h1", "Sign in");
            await Shot(page, "33-inbox-down-demo-still-up");
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => fixture.Inbox.EmailsToAsync(email));
        }
        finally
        {
            await fixture.Stack.Inbox.StartAsync();
        }

        // The mail was kept on disk; its link still carries a valid code.
        var after = await fixture.Inbox.WaitForLinkAsync(email, "/verify");
        Assert.Equal(before, after);
        await browser.ShowInbox(context, "34-inbox-restarted-mail-kept");
        await page.GotoAsync(after.ToString());
        await Expect(page, ".notice.ok", "Your account is verified");
        await Shot(page, "35-inbox-restarted-verified");
    }
}
