using System.Text.RegularExpressions;
using Exanubes.Cognito.EmailSender.Tests.Support;
using Exanubes.Cognito.TestSupport;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.EmailSender.Tests.Rendering;

/// <summary>
/// The security review's template findings: attacker-chosen attributes and client metadata must not become a
/// <c>javascript:</c> link, templates see only allowed metadata keys, and Cognito's placeholders survive the link.
/// </summary>
public partial class TemplateSecurityTests
{
    private static readonly Uri AppUrl = new("https://app.example.com/");

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("//evil.example.net/reset")]
    [InlineData("http://evil.example.net/reset")]
    [InlineData("https://user:pass@evil.example.net/")]
    [InlineData("/relative/reset")]
    public void Render_HrefFromClientMetadata_SafeUrlDropsUnsafeLinks(string attack)
    {
        var message = RenderWithMetadata(
            new EmailTemplate
            {
                TriggerSource = CustomEmailSenderTriggerSource.ForgotPassword,
                Subject = "s",
                HtmlBody = "<a href=\"{{ client_metadata.next | safe_url }}\">reset</a>",
                TextBody = "{{ client_metadata.next | safe_url }}",
            },
            new() { ["next"] = attack },
            AppUrl);

        Assert.Equal("<a href=\"\">reset</a>", message.HtmlBody);
        Assert.Equal(string.Empty, message.TextBody);
    }

    [Theory]
    [InlineData("https://other.example.org/path?x=1", "https://app.example.com/")]
    [InlineData("http://localhost:5005/verify?code=1", "http://localhost:5005/")]
    public void Render_HttpsOrAppOriginLink_IsKept(string link, string appUrl)
    {
        var message = RenderWithMetadata(
            new EmailTemplate
            {
                TriggerSource = CustomEmailSenderTriggerSource.ForgotPassword,
                Subject = "s",
                HtmlBody = "x",
                TextBody = "{{ client_metadata.next | safe_url }}",
            },
            new() { ["next"] = link },
            new Uri(appUrl));

        Assert.Equal(link, message.TextBody);
    }

    [Fact]
    public void Render_HttpOnAnotherPortThanTheAppOrigin_IsDropped()
    {
        var message = RenderWithMetadata(
            new EmailTemplate { TriggerSource = CustomEmailSenderTriggerSource.ForgotPassword, Subject = "s", HtmlBody = "x", TextBody = "{{ client_metadata.next | safe_url }}" },
            new() { ["next"] = "http://localhost:6666/steal" },
            new Uri("http://localhost:5005/"));

        Assert.Equal(string.Empty, message.TextBody);
    }

    [Fact]
    public void DefaultTemplates_EveryLinkOutput_GoesThroughSafeUrl()
    {
        var checkedLinks = 0;
        foreach (var name in Fixtures.Codes.Keys)
        {
            var template = DefaultEmailTemplates.For(Fixtures.Event(name).TriggerSource)!;
            foreach (Match output in LiquidOutput().Matches(template.HtmlBody + template.TextBody))
            {
                var expression = output.Groups["expr"].Value;
                if (expression.Contains("link", StringComparison.Ordinal))
                {
                    checkedLinks++;
                    Assert.Contains("| safe_url", expression, StringComparison.Ordinal);
                }
            }

            foreach (Match href in Href().Matches(template.HtmlBody))
            {
                Assert.Contains("| safe_url", href.Value, StringComparison.Ordinal);
            }
        }

        Assert.True(checkedLinks >= 10, $"only {checkedLinks} link outputs found");
    }

    [Fact]
    public void Readme_EveryTemplateHref_GoesThroughSafeUrl()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var hrefs = Regex.Matches(readme, @"href=\\?""\{\{[^}]*\}\}");

        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, href => Assert.Contains("| safe_url", href.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_ClientMetadataAllowList_HidesOtherKeys()
    {
        var options = new EmailTemplateOptions { ClientMetadataKeys = ["campaign"] };
        options.Templates.Add(new EmailTemplate
        {
            TriggerSource = CustomEmailSenderTriggerSource.ForgotPassword,
            Subject = "s",
            HtmlBody = "x",
            TextBody = "[{{ client_metadata.campaign }}|{{ client_metadata.internal_note }}]",
        });
        var renderer = new EmailRenderer(Options.Create(options), Options.Create(new CustomEmailSenderOptions { AppUrl = AppUrl }));

        var message = renderer.Render(EventWithMetadata(new() { ["campaign"] = "spring", ["internal_note"] = "secret-ish" }), "a@example.com", "1");

        Assert.Equal("[spring|]", message.TextBody);
    }

    [Fact]
    public void Render_NoAllowList_ShowsEveryKey()
    {
        var message = RenderWithMetadata(
            new EmailTemplate { TriggerSource = CustomEmailSenderTriggerSource.ForgotPassword, Subject = "s", HtmlBody = "x", TextBody = "{{ client_metadata.internal_note }}" },
            new() { ["internal_note"] = "shown" },
            AppUrl);

        Assert.Equal("shown", message.TextBody);
    }

    [Fact]
    public void LinkFor_PlaceholderMode_KeepsCognitosPlaceholdersLiteral()
    {
        Assert.Equal(
            "https://app.example.com/verify?code={####}&username={username}",
            EmailRenderer.LinkFor(CustomEmailSenderTriggerSource.SignUp, "https://app.example.com", "{####}", "{username}", keepPlaceholders: true));
        Assert.Equal(
            "https://app.example.com/reset-password?code={####}&username=jane%2Bdoe%40example.com",
            EmailRenderer.LinkFor(CustomEmailSenderTriggerSource.ForgotPassword, "https://app.example.com", "{####}", "jane+doe@example.com", keepPlaceholders: true));
    }

    [Fact]
    public void LinkFor_SenderMode_StillEscapesBraces()
        => Assert.Equal(
            "https://app.example.com/verify?code=%7B%23%23%23%23%7D&username=a",
            EmailRenderer.LinkFor(CustomEmailSenderTriggerSource.SignUp, "https://app.example.com", "{####}", "a"));

    [Fact]
    public void Render_PlaceholderMode_DefaultTemplateCarriesThePlaceholdersThroughHtmlAndText()
    {
        var renderer = new EmailRenderer(Options.Create(new EmailTemplateOptions()), Options.Create(new CustomEmailSenderOptions { AppUrl = AppUrl }));
        var evt = Fixtures.Event("SignUp");

        var message = renderer.Render(EmailRenderInput.From(evt) with { UserName = CognitoPlaceholders.UserName }, "a@example.com", CognitoPlaceholders.Code, keepPlaceholders: true);

        Assert.Contains("href=\"https://app.example.com/verify?code={####}&amp;username={username}\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(">{####}</p>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://app.example.com/verify?code={####}&username={username}", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("%7B", message.HtmlBody + message.TextBody, StringComparison.Ordinal);
    }

    private static EmailMessage RenderWithMetadata(EmailTemplate template, Dictionary<string, string> metadata, Uri appUrl)
    {
        var options = new EmailTemplateOptions();
        options.Templates.Add(template);
        var renderer = new EmailRenderer(Options.Create(options), Options.Create(new CustomEmailSenderOptions { AppUrl = appUrl }));
        return renderer.Render(EventWithMetadata(metadata), "a@example.com", "123456");
    }

    private static CustomEmailSenderEvent EventWithMetadata(Dictionary<string, string> metadata)
    {
        var node = Fixtures.Node("ForgotPassword");
        var map = new System.Text.Json.Nodes.JsonObject();
        foreach (var (key, value) in metadata)
        {
            map[key] = value;
        }

        node["request"]!["clientMetadata"] = map;
        return CustomEmailSenderEvent.Parse(Fixtures.ToBytes(node));
    }

    [GeneratedRegex(@"\{\{(?<expr>[^}]*)\}\}")]
    private static partial Regex LiquidOutput();

    [GeneratedRegex(@"href=""[^""]*""")]
    private static partial Regex Href();
}
