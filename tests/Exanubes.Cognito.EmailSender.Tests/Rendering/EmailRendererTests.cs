using Exanubes.Cognito.EmailSender.Tests.Support;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.EmailSender.Tests.Rendering;

public class EmailRendererTests
{
    private static readonly CustomEmailSenderTriggerSource SignUp = CustomEmailSenderTriggerSource.SignUp;

    [Fact]
    public void Render_Override_PrefersClientThenLocaleThenGeneric()
    {
        var renderer = Renderer(
            Template(SignUp, null, null, "generic"),
            Template(SignUp, null, "de", "german"),
            Template(SignUp, Fixtures.ClientId, null, "client"),
            Template(SignUp, Fixtures.ClientId, "en-GB", "client-en-GB"),
            Template(SignUp, "other-client", "en-GB", "other"));

        Assert.Equal("client-en-GB", renderer.Select(SignUp, Fixtures.ClientId, "en-GB")!.Subject);
        Assert.Equal("client", renderer.Select(SignUp, Fixtures.ClientId, "fr")!.Subject);
        Assert.Equal("german", renderer.Select(SignUp, "x", "de-AT")!.Subject);
        Assert.Equal("generic", renderer.Select(SignUp, "x", "fr")!.Subject);
        Assert.Equal("generic", renderer.Select(SignUp, null, null)!.Subject);
        Assert.Equal("Reset your password", renderer.Select(CustomEmailSenderTriggerSource.ForgotPassword, Fixtures.ClientId, "en-GB")!.Subject);
    }

    [Fact]
    public void Render_LocaleFromClientMetadata_PicksTheLocalisedTemplate()
    {
        var renderer = Renderer(Template(SignUp, null, "en-GB", "Verify, {{ username }}"));

        var message = renderer.Render(Fixtures.Event("SignUp"), "jane.doe@example.com", "123456");

        Assert.Equal("Verify, jane.doe", message.Subject);
        Assert.Equal("<b>123456</b> https://app.example.com/verify?code=123456&amp;username=jane.doe", message.HtmlBody);
        Assert.Equal("123456 en-GB", message.TextBody);
    }

    [Fact]
    public void Render_LocaleMetadataKey_IsConfigurable()
    {
        var options = new EmailTemplateOptions { LocaleMetadataKey = "lang" };
        options.Templates.Add(Template(SignUp, null, "pt", "pt"));
        var renderer = new EmailRenderer(Options.Create(options), Options.Create(new CustomEmailSenderOptions()));
        var node = Fixtures.Node("SignUp");
        node["request"]!["clientMetadata"] = new System.Text.Json.Nodes.JsonObject { ["lang"] = "pt-BR" };

        Assert.Equal("pt", renderer.Render(CustomEmailSenderEvent.Parse(Fixtures.ToBytes(node)), "a@example.com", "1").Subject);
    }

    [Fact]
    public void Render_UserLocaleAttribute_IsTheFallback()
    {
        var renderer = Renderer(Template(CustomEmailSenderTriggerSource.ForgotPassword, null, "fr", "fr"));
        var node = Fixtures.Node("ForgotPassword");
        node["request"]!["userAttributes"]!["locale"] = "fr-CA";

        Assert.Equal("fr", renderer.Render(CustomEmailSenderEvent.Parse(Fixtures.ToBytes(node)), "a@example.com", "1").Subject);
    }

    [Fact]
    public void Render_InsertedValues_AreHtmlEncodedInHtmlOnly()
    {
        var renderer = Renderer(new EmailTemplate
        {
            TriggerSource = SignUp,
            Subject = "Hi {{ user_attributes.name }}\r\nBcc: evil@example.com",
            HtmlBody = "{{ code }}|{{ user_attributes.name }}|{{ client_metadata.locale }}",
            TextBody = "{{ code }}|{{ user_attributes.name }}",
        });
        var node = Fixtures.Node("SignUp");
        node["request"]!["userAttributes"]!["name"] = "<script>alert('x')</script> & co";

        var message = renderer.Render(CustomEmailSenderEvent.Parse(Fixtures.ToBytes(node)), "a@example.com", "<b>&\"</b>");

        Assert.Equal("&lt;b&gt;&amp;&quot;&lt;/b&gt;|&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co|en-GB", message.HtmlBody);
        Assert.Equal("<b>&\"</b>|<script>alert('x')</script> & co", message.TextBody);
        Assert.DoesNotContain('\n', message.Subject);
        Assert.DoesNotContain('\r', message.Subject);
    }

    [Fact]
    public void Render_NoAppUrl_LeavesTheLinkOut()
    {
        var renderer = new EmailRenderer(Options.Create(new EmailTemplateOptions()), Options.Create(new CustomEmailSenderOptions()));

        var message = renderer.Render(Fixtures.Event("SignUp"), "jane.doe@example.com", "123456");

        Assert.DoesNotContain("/verify", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("http", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("123456", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CodeWithReservedCharacters_IsEscapedInTheLink()
        => Assert.Equal(
            "https://app.example.com/base/reset-password?code=a%26b%3Dc%20d&username=j%2Bd%40x",
            EmailRenderer.LinkFor(CustomEmailSenderTriggerSource.ForgotPassword, "https://app.example.com/base", "a&b=c d", "j+d@x"));

    [Fact]
    public void Constructor_InvalidLiquid_FailsNamingTheTemplate()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Renderer(Template(SignUp, "c1", "de", "{% if %}")));

        Assert.Contains("Subject", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CustomEmailSender_SignUp, client c1, locale de", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AccountTakeOverLinks_OnlyHttpsAreKept()
    {
        var renderer = new EmailRenderer(Options.Create(new EmailTemplateOptions()), Options.Create(new CustomEmailSenderOptions()));
        var node = Fixtures.Node("AccountTakeOverNotification");
        node["request"]!["userAttributes"]!["ONE_CLICK_LINK_VALID"] = "javascript:alert(1)";

        var message = renderer.Render(CustomEmailSenderEvent.Parse(Fixtures.ToBytes(node)), "a@example.com", null);

        Assert.DoesNotContain("javascript:", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("This was me", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EveryKnownTriggerSource_HasAnHtmlAndTextDefault()
    {
        var renderer = new EmailRenderer(Options.Create(new EmailTemplateOptions()), Options.Create(new CustomEmailSenderOptions { AppUrl = new Uri("https://app.example.com") }));
        foreach (var name in Fixtures.Codes.Keys)
        {
            var message = renderer.Render(Fixtures.Event(name), "jane.doe@example.com", Fixtures.Codes[name]);

            Assert.StartsWith("<!DOCTYPE html>", message.HtmlBody, StringComparison.Ordinal);
            Assert.EndsWith("</html>", message.HtmlBody.TrimEnd(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(message.TextBody));
            Assert.DoesNotContain("{{", message.HtmlBody + message.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("{%", message.HtmlBody + message.TextBody, StringComparison.Ordinal);
        }
    }

    private static EmailRenderer Renderer(params EmailTemplate[] templates)
    {
        var options = new EmailTemplateOptions();
        foreach (var template in templates)
        {
            options.Templates.Add(template);
        }

        return new EmailRenderer(Options.Create(options), Options.Create(new CustomEmailSenderOptions { AppUrl = new Uri("https://app.example.com/") }));
    }

    private static EmailTemplate Template(CustomEmailSenderTriggerSource source, string? clientId, string? locale, string subject) => new()
    {
        TriggerSource = source,
        ClientId = clientId,
        Locale = locale,
        Subject = subject,
        HtmlBody = "<b>{{ code }}</b> {{ link }}",
        TextBody = "{{ code }} {{ locale }}",
    };
}
