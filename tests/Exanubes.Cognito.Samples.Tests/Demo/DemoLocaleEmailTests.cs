using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Exanubes.Cognito.Samples.Tests.Demo;

/// <summary>
/// Client metadata from the public API reaches the email sender end to end: the demo app passes the browser's
/// <c>Accept-Language</c> as <c>clientMetadata.locale</c> through <see cref="CognitoCallContext"/>; the local Cognito
/// hands it to the Custom Email Sender (the sample function, its code KMS-encrypted), which picks its German template;
/// maildev receives the email. Without the header the same calls produce the built-in English email.
/// </summary>
[Collection(DemoStackCollection.Name)]
public sealed class DemoLocaleEmailTests(DemoStackFixture fixture)
{
    [Fact]
    public async Task ResendConfirmationCode_WithGermanLocale_SendsTheGermanEmailWhoseCodeConfirms()
    {
        var email = DemoStackFixture.NewEmail("locale-resend");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("api/auth/signup", new { email, password = DemoStackFixture.Password }, language: null)).StatusCode);
        await fixture.Inbox.WaitForLinkAsync(email, "/verify");

        Assert.Equal(HttpStatusCode.OK, (await PostAsync("api/auth/resend", new { username = email }, language: "de-DE,de;q=0.9,en;q=0.5")).StatusCode);
        var link = await fixture.Inbox.WaitForLinkAsync(email, "/verify", alreadySeen: 1);

        var mails = await fixture.Inbox.EmailsToAsync(email);
        Assert.Equal(2, mails.Count);
        Assert.Equal("Verify your email address", Subject(mails[0]));
        Assert.Equal("Bestätigen Sie Ihre E-Mail-Adresse", Subject(mails[1]));
        Assert.Contains("Mit diesem Code bestätigen Sie Ihr Konto:", Text(mails[1]), StringComparison.Ordinal);
        var confirm = await PostAsync("api/auth/confirm", new { username = email, code = DemoBrowserTests.Query(link, "code") }, language: "de-DE");
        Assert.Equal(HttpStatusCode.NoContent, confirm.StatusCode);
    }

    [Fact]
    public async Task ForgotPassword_WithGermanLocale_SendsTheGermanEmail_WithoutItTheEnglishOne()
    {
        var email = DemoStackFixture.NewEmail("locale-forgot");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("api/auth/signup", new { email, password = DemoStackFixture.Password }, language: null)).StatusCode);
        var verify = await fixture.Inbox.WaitForLinkAsync(email, "/verify");
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync("api/auth/confirm", new { username = email, code = DemoBrowserTests.Query(verify, "code") }, language: null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync("api/auth/forgot-password", new { username = email }, language: "de")).StatusCode);
        var german = await fixture.Inbox.WaitForLinkAsync(email, "/reset-password");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("api/auth/forgot-password", new { username = email }, language: null)).StatusCode);
        var english = await fixture.Inbox.WaitForLinkAsync(email, "/reset-password", alreadySeen: 1);

        var resets = (await fixture.Inbox.EmailsToAsync(email)).Where(m => MailDevInbox.Link(m, "/reset-password") is not null).ToList();
        Assert.Equal(2, resets.Count);
        Assert.Equal("Passwort zurücksetzen", Subject(resets[0]));
        Assert.Contains("Mit diesem Code wählen Sie ein neues Passwort:", Text(resets[0]), StringComparison.Ordinal);
        Assert.Equal("Reset your password", Subject(resets[1]));
        Assert.NotEqual(german, english);

        // The German email's code is the live one until the second request replaced it: the English one resets.
        var reset = await PostAsync("api/auth/reset-password", new { username = email, code = DemoBrowserTests.Query(english, "code"), newPassword = DemoStackFixture.NewPassword }, language: null);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
    }

    private static string? Subject(JsonObject mail) => mail["subject"]?.GetValue<string>();

    private static string Text(JsonObject mail) => mail["text"]?.GetValue<string>() ?? string.Empty;

    private async Task<HttpResponseMessage> PostAsync(string path, object body, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Demo, path)) { Content = JsonContent.Create(body) };
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        return await fixture.Http.SendAsync(request);
    }
}
