using Exanubes.Cognito.Lambda;
using Exanubes.Cognito.EmailSender.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Exanubes.Cognito.EmailSender.Tests.Mailers.Development;

public class DevelopmentMailerTests
{
    private static readonly EmailMessage Message = new()
    {
        FromAddress = "no-reply@example.com",
        FromName = "Example",
        To = "jane.doe@example.com",
        Subject = "Verify your email address",
        HtmlBody = "<p>123456</p>",
        TextBody = "code 123456",
        TriggerSource = CustomEmailSenderTriggerSource.SignUp,
    };

    [Fact]
    public async Task SendAsync_Folder_WritesAMultipartEml()
    {
        var folder = Path.Combine(Path.GetTempPath(), "exanubes-devmailer-" + Guid.NewGuid().ToString("N"));
        try
        {
            var mailer = new DevelopmentMailer(Options.Create(new DevelopmentMailerOptions { Folder = folder }), new StandardOutput(TextWriter.Null), new FakeTimeProvider(), NullLogger<DevelopmentMailer>.Instance);

            await mailer.SendAsync(Message, default);

            var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
            Assert.Contains("SignUp", Path.GetFileName(file), StringComparison.Ordinal);
            var mime = await MimeMessage.LoadAsync(file);
            Assert.Equal("jane.doe@example.com", mime.To.Mailboxes.Single().Address);
            Assert.Equal("Verify your email address", mime.Subject);
            Assert.Equal("code 123456", mime.TextBody!.Trim());
            Assert.Equal("<p>123456</p>", mime.HtmlBody!.Trim());
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task SendAsync_NoFolder_PrintsTheEmail()
    {
        var output = new StringWriter();
        var mailer = new DevelopmentMailer(Options.Create(new DevelopmentMailerOptions()), new StandardOutput(output), new FakeTimeProvider(), NullLogger<DevelopmentMailer>.Instance);

        await mailer.SendAsync(Message, default);

        Assert.Contains("To: jane.doe@example.com", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("code 123456", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddDevelopmentMailer_InFunction_PrintsToTheFunctionsOutput()
    {
        var function = TestFunction.Create(TestFunction.Environment(), (services, configuration) =>
        {
            services.AddSingleton<Amazon.KeyManagementService.IAmazonKeyManagementService>(new FakeKeyManagementService());
            services.AddDevelopmentMailer(configuration.GetSection("Development"));
        });

        await function.HandleAsync(new MemoryStream(Fixtures.Bytes("Authentication")));

        Assert.Contains("98765432", function.Stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("--- development mailer: CustomEmailSender_Authentication ---", function.Stdout.ToString(), StringComparison.Ordinal);
    }
}
