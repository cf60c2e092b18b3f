using Amazon.CDK;

namespace Exanubes.Cognito.Sample.Infrastructure;

/// <summary>
/// Everything the sample stack lets you choose. Each property states its default; <see cref="StackSettings.FromContext"/>
/// fills it from CDK context (<c>-c key=value</c> or cdk.json) so the same stack serves <c>dotnet run</c>, the CDK CLI
/// and the tests.
/// </summary>
/// <remarks>
/// There is deliberately no property for the SendGrid API key or an SMTP password: secrets never enter the template.
/// The function reads the SendGrid key at run time from the SSM SecureString parameter named by
/// <see cref="SendGridApiKeyParameterName"/>.
/// </remarks>
public sealed class CognitoStackProps : StackProps
{
    /// <summary>The user pool name. Default: <c>exanubes-cognito</c>.</summary>
    public string UserPoolName { get; set; } = "exanubes-cognito";

    /// <summary>The app client name. Default: <c>exanubes-cognito-web</c>.</summary>
    public string ClientName { get; set; } = "exanubes-cognito-web";

    /// <summary>Users may sign in with their username. Default: <see langword="true"/>.</summary>
    public bool SignInWithUsername { get; set; } = true;

    /// <summary>Users may sign in with their (verified) email address. Default: <see langword="true"/>.</summary>
    public bool SignInWithEmail { get; set; } = true;

    /// <summary>Create the app client with a client secret. Default: <see langword="false"/> (public client).</summary>
    /// <remarks>
    /// A secret client needs <c>SECRET_HASH</c> on every call (<c>Cognito:ClientSecret</c> in <c>AddCognitoAuth</c>).
    /// Only confidential server-side apps can keep it; browsers and mobile apps cannot.
    /// </remarks>
    public bool GenerateSecret { get; set; }

    /// <summary>The mailer the sender Lambda uses. Default: <see cref="MailerKind.SendGrid"/>.</summary>
    public MailerKind Mailer { get; set; } = MailerKind.SendGrid;

    /// <summary>The From address of every email. Default: <c>no-reply@example.com</c> (replace it).</summary>
    public string FromAddress { get; set; } = "no-reply@example.com";

    /// <summary>The From display name. Default: <c>Exanubes</c>.</summary>
    public string FromName { get; set; } = "Exanubes";

    /// <summary>The base URL the verification links point at. Default: <c>https://localhost:5001</c> (replace it).</summary>
    public string AppUrl { get; set; } = "https://localhost:5001";

    /// <summary>
    /// The name of the SSM SecureString parameter holding the SendGrid API key (required for
    /// <see cref="MailerKind.SendGrid"/>). Default: <c>/exanubes-cognito/sendgrid-api-key</c>.
    /// </summary>
    /// <remarks>
    /// CloudFormation cannot create SecureString parameters, so you create it once with the AWS CLI (see README);
    /// the stack grants <c>ssm:GetParameter</c> on exactly this parameter and never sees the value.
    /// </remarks>
    public string SendGridApiKeyParameterName { get; set; } = "/exanubes-cognito/sendgrid-api-key";

    /// <summary>
    /// The SMTP relay host (required for <see cref="MailerKind.Smtp"/>). Default: none. The stack passes no SMTP
    /// credentials (they would sit in plain text in the template and the function's configuration): use a relay
    /// that authorizes by network (inside your VPC) or a dev mail catcher, or SendGrid for production.
    /// </summary>
    public string? SmtpHost { get; set; }

    /// <summary>The SMTP relay port. Default: 587.</summary>
    public int SmtpPort { get; set; } = 587;

    /// <summary>How to secure the connection to the relay. Default: <see cref="SmtpTlsMode.StartTls"/>.</summary>
    public SmtpTlsMode SmtpTls { get; set; } = SmtpTlsMode.StartTls;

    /// <summary>
    /// Pins <c>EmailSender__UserPoolId</c> so the function rejects events from any other pool. Default: none (the
    /// function takes the pool id from each event). See README, "Why the pool id is not in the environment".
    /// </summary>
    public string? ExpectedUserPoolId { get; set; }

    /// <summary>
    /// A development deployment: pool, key and logs are destroyed with the stack. Default: <see langword="false"/>
    /// (retained, and the pool has deletion protection) — losing a pool loses every user.
    /// </summary>
    public bool IsDevelopment { get; set; }

    /// <summary>
    /// A folder holding the already published sender function. Default: none — the app runs
    /// <c>dotnet publish</c> on samples/Exanubes.Cognito.Sample.EmailSender before synthesizing.
    /// </summary>
    public string? SenderAssetPath { get; set; }

    /// <summary>
    /// How the sender runs. Default: <see cref="SenderRuntime.Managed"/> (<c>dotnet10</c>). With
    /// <see cref="SenderRuntime.NativeAot"/> the function is <c>provided.al2023</c> with handler <c>bootstrap</c>, and
    /// <see cref="SenderAssetPath"/> must hold the Native AOT binary named <c>bootstrap</c>.
    /// </summary>
    public SenderRuntime SenderRuntime { get; set; } = SenderRuntime.Managed;

    /// <summary>
    /// The sender's architecture. Default: <see cref="SenderArchitecture.Arm64"/>. A Native AOT binary must match it
    /// (built on that architecture; this repository's CI builds and tests x86_64).
    /// </summary>
    public SenderArchitecture SenderArchitecture { get; set; } = SenderArchitecture.Arm64;

    /// <summary>
    /// Adds the custom SMS sender (<c>samples/Exanubes.Cognito.Sample.SmsSender</c>, managed <c>dotnet10</c>, SNS
    /// provider): its own role and log group, <c>kms:Decrypt</c> on the same key as the email sender, <c>sns:Publish</c>,
    /// and the pool's <c>CustomSMSSender</c> trigger. Default: <see langword="false"/>.
    /// </summary>
    public bool SmsSender { get; set; }

    /// <summary>
    /// A folder holding the already published SMS sender (required with <see cref="SmsSender"/> when the stack is built
    /// in code). Default: none — the app publishes samples/Exanubes.Cognito.Sample.SmsSender before synthesizing.
    /// </summary>
    public string? SmsSenderAssetPath { get; set; }

    /// <summary>
    /// Creates the DynamoDB duplicate-suppression table (partition key <c>id</c>, TTL on <c>expiresAt</c>, on-demand) and
    /// grants each sender exactly <c>dynamodb:PutItem</c>, <c>GetItem</c> and <c>DeleteItem</c> on it, with its name in
    /// <c>Idempotency__TableName</c>. Default: <see langword="false"/> (duplicates suppressed per container).
    /// </summary>
    public bool IdempotencyTable { get; set; }
}
