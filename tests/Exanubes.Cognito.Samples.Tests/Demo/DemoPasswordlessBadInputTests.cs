using Microsoft.Playwright;
using static Exanubes.Cognito.Samples.Tests.Demo.DemoBrowserTests;

namespace Exanubes.Cognito.Samples.Tests.Demo;

/// <summary>
/// Bad input on the passwordless pages gets a clear page with a 4xx status, never a 500: a wrong or missing code, no
/// pending step, a tampered pending-step cookie, a credential that is not JSON or not a credential, an unknown device.
/// </summary>
[Collection(DemoStackCollection.Name)]
public sealed class DemoPasswordlessBadInputTests(DemoStackFixture fixture)
{
    [Fact]
    public async Task PasswordlessPages_BadInput_AnswerClear4xxPages()
    {
        var email = DemoStackFixture.NewEmail("bad-input");
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Demo.ToString() });
        var page = await context.NewPageAsync();
        await new DemoBrowserTests(fixture).SignUpAndVerifyAsync(page, email);

        // A wrong code on the code page: the page says so, and the sign-in can start again.
        await page.GotoAsync("/signin/code");
        await page.FillAsync("#email", email);
        await page.ClickAsync("#send-code");
        await Expect(page, "h1", "Enter your sign-in code");
        var (_, code) = await SignInCodeMail.WaitAsync(fixture.Inbox, email);
        await page.FillAsync("#code", code == "000000" ? "111111" : "000000");
        var wrong = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#verify-code"), r => r.Url.EndsWith("/signin/code/verify", StringComparison.Ordinal));
        Assert.Equal(400, wrong.Status);
        Assert.Contains("That code is not right", await page.InnerTextAsync("body"), StringComparison.Ordinal);
        await Shot(page, "44-code-wrong");

        await page.GotoAsync("/signin/code");
        var token = await page.InputValueAsync("input[name=__RequestVerificationToken]");
        async Task<IAPIResponse> PostAsync(string path, params (string Name, string Value)[] fields)
        {
            var form = context.APIRequest.CreateFormData();
            form.Set("__RequestVerificationToken", token);
            foreach (var (name, value) in fields)
            {
                form.Set(name, value);
            }

            return await context.APIRequest.PostAsync(path, new APIRequestContextOptions { Form = form, MaxRedirects = 0 });
        }

        // No pending step, or a tampered one: "expired", start again.
        await context.ClearCookiesAsync(new BrowserContextClearCookiesOptions { Name = "demo_pending" });
        await AssertPageAsync(await PostAsync("/signin/code/verify", ("code", "123456")), 400, "This sign-in has expired");
        await AssertPageAsync(await PostAsync("/signin/passkey/complete", ("credential", "{}")), 400, "This sign-in has expired");
        await AssertPageAsync(await PostAsync("/signin/mfa", ("code", "123456")), 400, "This sign-in has expired");
        await context.AddCookiesAsync([new Cookie { Name = "demo_pending", Value = "tampered", Url = fixture.Demo.ToString() }]);
        await AssertPageAsync(await PostAsync("/signin/code/verify", ("code", "123456")), 400, "This sign-in has expired");

        // A missing email, an unknown user.
        await AssertPageAsync(await PostAsync("/signin/code", ("email", string.Empty)), 400, "Please fill in every field");
        var unknown = await PostAsync("/signin/passkey", ("email", DemoStackFixture.NewEmail("nobody")));
        Assert.InRange(unknown.Status, 400, 499);

        // A passkey credential that is not JSON, or not a credential for the pending registration.
        await SignInAsync(page, email, DemoStackFixture.Password);
        await Expect(page, "h1", "Your validated token");
        await page.GotoAsync("/account");
        token = await page.InputValueAsync("input[name=__RequestVerificationToken]");
        await AssertPageAsync(await PostAsync("/account/passkeys/complete", ("credential", "not json")), 400, "Please fill in every field");
        var notACredential = await PostAsync("/account/passkeys/complete", ("credential", "{\"id\":\"x\",\"type\":\"public-key\"}"));
        Assert.InRange(notACredential.Status, 400, 499);
        Assert.Contains("Your account", await notACredential.TextAsync(), StringComparison.Ordinal);

        // An unknown device key.
        var device = await PostAsync("/account/devices/forget", ("deviceKey", "us-east-1_00000000-0000-0000-0000-000000000000"));
        Assert.InRange(device.Status, 400, 499);
    }

    private static async Task AssertPageAsync(IAPIResponse response, int status, string text)
    {
        var body = await response.TextAsync();
        Assert.True(response.Status == status, $"expected {status}, got {response.Status}: {body}");
        Assert.Contains(text, body, StringComparison.Ordinal);
    }
}
