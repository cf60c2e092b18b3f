using System.Globalization;
using System.Text.RegularExpressions;
using Amazon.CDK;
using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace Exanubes.Cognito.Sample.Infrastructure;

/// <summary>
/// The whole design in one stack: a customer managed KMS key, a user pool whose <c>CustomEmailSender</c> trigger
/// receives codes encrypted under that key, a public app client, and the .NET sender Lambda that decrypts and mails
/// them. Copy it; every choice below is commented with its reason.
/// </summary>
public sealed partial class CognitoStack : Stack
{
    /// <summary>The class-library handler string of the sample sender (Stream in, Stream out; no Lambda serializer).</summary>
    public const string SenderHandler =
        "Exanubes.Cognito.Sample.EmailSender::Exanubes.Cognito.Sample.EmailSender.Function::HandleAsync";

    /// <summary>
    /// The managed .NET 10 runtime. Amazon.CDK.Lib 2.160.0 predates .NET 10 and has no <c>Runtime.DOTNET_10</c>
    /// constant, so we name the runtime identifier Lambda uses (<c>dotnet10</c>); the sender targets net10.0, and an
    /// older runtime would fail to load it. Replace with <c>Runtime.DOTNET_10</c> once you use a CDK that has it.
    /// </summary>
    public static readonly Runtime DotNet10 = new("dotnet10", RuntimeFamily.DOTNET_CORE);

    /// <summary>The class-library handler of the sample SMS sender (behind <see cref="CognitoStackProps.SmsSender"/>).</summary>
    public const string SmsSenderHandler =
        "Exanubes.Cognito.Sample.SmsSender::Exanubes.Cognito.Sample.SmsSender.SmsFunction::HandleAsync";

    /// <summary>The handler of a custom runtime: Lambda starts the executable <c>bootstrap</c> at the asset root.</summary>
    public const string NativeAotHandler = "bootstrap";

    /// <summary>Creates the stack.</summary>
    /// <exception cref="ArgumentException">The props are incomplete or malformed (the message names the setting).</exception>
    public CognitoStack(Construct scope, string id, CognitoStackProps props)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(props);
        Validate(props);

        // Dev stacks clean up after themselves; anything else keeps the pool (every user and password hash), the key
        // (without it nothing Cognito encrypted can be read) and the logs when the stack is deleted.
        var removal = props.IsDevelopment ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

        // Cognito encrypts every code and temporary password it hands to the sender with this key (AWS Encryption
        // SDK, symmetric KMS key only). Rotation keeps old ciphertexts decryptable while new ones use fresh material.
        CustomSenderKey = new Key(this, "CustomSenderKey", new KeyProps
        {
            Description = $"Encrypts the codes Cognito sends to the custom email sender of '{props.UserPoolName}'.",
            KeySpec = KeySpec.SYMMETRIC_DEFAULT,
            KeyUsage = KeyUsage.ENCRYPT_DECRYPT,
            EnableKeyRotation = true,
            Alias = $"alias/{props.UserPoolName}/custom-sender",
            RemovalPolicy = removal,
            PendingWindow = props.IsDevelopment ? Duration.Days(7) : Duration.Days(30),
        });

        // Duplicate suppression across containers (flag): one item per event, keyed on a hash of the encrypted code and
        // never holding a code. On demand (a few writes per sign-up), TTL on expiresAt so DynamoDB reaps old claims
        // (late: the store ignores expired items on read), AWS owned encryption. Claims are disposable: destroyed with
        // the stack.
        if (props.IdempotencyTable)
        {
            IdempotencyTable = new Table(this, "IdempotencyTable", new TableProps
            {
                PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "id", Type = AttributeType.STRING },
                BillingMode = BillingMode.PAY_PER_REQUEST,
                TimeToLiveAttribute = "expiresAt",
                RemovalPolicy = RemovalPolicy.DESTROY,
            });
        }

        var logs = new LogGroup(this, "SenderLogs", new LogGroupProps
        {
            Retention = RetentionDays.ONE_MONTH,
            RemovalPolicy = removal,
        });

        // An explicit role instead of CDK's default (AWSLambdaBasicExecutionRole allows writing to every log group
        // in the account): this one may write to the function's own log group and, below, decrypt with one key.
        var role = new Role(this, "SenderRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = "Runs the Cognito custom email sender.",
        });
        logs.GrantWrite(role);

        Sender = new Function(this, "EmailSender", new FunctionProps
        {
            Role = role,
            Description = "Cognito CustomEmailSender: decrypts the code and mails it.",
            // Managed: the portable publish runs on either architecture. Native AOT: the binary is the runtime (it runs
            // the Lambda Runtime API loop itself) on the OS-only provided.al2023, whose glibc 2.34 it is checked against.
            Runtime = props.SenderRuntime == SenderRuntime.NativeAot ? Runtime.PROVIDED_AL2023 : DotNet10,
            // arm64 by default: a lower price per GB-second than x86_64.
            Architecture = props.SenderArchitecture == SenderArchitecture.X86_64 ? Architecture.X86_64 : Architecture.ARM_64,
            Handler = props.SenderRuntime == SenderRuntime.NativeAot ? NativeAotHandler : SenderHandler,
            Code = Code.FromAsset(props.SenderAssetPath!),
            // 512 MB: Lambda allots CPU in proportion to memory and a .NET cold start (JIT, KMS + Encryption SDK,
            // TLS to the mail provider) is CPU bound; at 128-256 MB it takes seconds. The warm path uses < 100 MB.
            MemorySize = 512,
            // 30 s: one KMS Decrypt and one mail API call take well under a second warm and ~3 s cold; the margin
            // covers a slow mail provider (HTTP client timeouts inside stay below it) without letting a hung
            // invocation bill for the 15-minute maximum.
            Timeout = Duration.Seconds(30),
            Environment = SenderEnvironment(props),
            LogGroup = logs,
            // Cognito invokes the sender asynchronously, so Lambda's async retry policy is the delivery guarantee.
            // Two retries (Lambda's maximum): a lost verification email blocks sign-up, while a duplicate carries
            // the same code and is harmless. One hour maximum age: reset codes expire after an hour, so a mail
            // delivered later is useless and confusing.
            RetryAttempts = 2,
            MaxEventAge = Duration.Hours(1),
        });

        // kms:Decrypt on this key's ARN only (the Encryption SDK decrypts the data key; nothing else is needed).
        CustomSenderKey.GrantDecrypt(Sender);
        GrantIdempotency(role);

        if (props.SmsSender)
        {
            SmsSender = CreateSmsSender(props, removal);
        }

        if (props.Mailer == MailerKind.SendGrid)
        {
            // The SendGrid key lives in an SSM SecureString the function reads at run time: exactly that parameter,
            // only GetParameter. SecureStrings under the AWS managed aws/ssm key need no extra KMS grant; if you
            // encrypt the parameter with your own key, grant kms:Decrypt on that key too.
            Sender.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Effect = Effect.ALLOW,
                Actions = ["ssm:GetParameter"],
                Resources = [SsmParameterArn(props.SendGridApiKeyParameterName)],
            }));
        }

        UserPool = new UserPool(this, "UserPool", new UserPoolProps
        {
            UserPoolName = props.UserPoolName,
            SelfSignUpEnabled = true,
            SignInAliases = new SignInAliases { Username = props.SignInWithUsername, Email = props.SignInWithEmail },
            SignInCaseSensitive = false,
            // Email is the one channel the sender uses: required, verified automatically by code, and immutable so
            // an account cannot be moved to an unverified address.
            StandardAttributes = new StandardAttributes
            {
                Email = new StandardAttribute { Required = true, Mutable = false },
            },
            AutoVerify = new AutoVerifiedAttrs { Email = true },
            // Length over composition (NIST SP 800-63B), plus the classes many auditors still ask for.
            PasswordPolicy = new PasswordPolicy
            {
                MinLength = 12,
                RequireLowercase = true,
                RequireUppercase = true,
                RequireDigits = true,
                RequireSymbols = false,
                TempPasswordValidity = Duration.Days(3),
            },
            AccountRecovery = AccountRecovery.EMAIL_ONLY,
            CustomSenderKmsKey = CustomSenderKey,
            // CDK writes LambdaConfig.CustomEmailSender { LambdaArn, LambdaVersion: V1_0 } and KMSKeyID, and adds
            // the invoke permission for cognito-idp.amazonaws.com (tightened below).
            LambdaTriggers = new UserPoolTriggers { CustomEmailSender = Sender, CustomSmsSender = SmsSender },
            RemovalPolicy = removal,
            DeletionProtection = !props.IsDevelopment,
        });

        ScopeInvokePermission();

        Client = UserPool.AddClient("WebClient", new UserPoolClientOptions
        {
            UserPoolClientName = props.ClientName,
            // USER_PASSWORD_AUTH and USER_SRP_AUTH; CDK always adds ALLOW_REFRESH_TOKEN_AUTH.
            AuthFlows = new AuthFlow { UserPassword = true, UserSrp = true },
            AccessTokenValidity = Duration.Days(1),
            IdTokenValidity = Duration.Days(1),
            RefreshTokenValidity = Duration.Days(30),
            EnableTokenRevocation = true,
            // Sign-in and recovery answer the same for unknown users as for wrong passwords.
            PreventUserExistenceErrors = true,
            GenerateSecret = props.GenerateSecret,
            // The library talks to the Cognito API directly; no hosted UI, so no OAuth flows or callback URLs
            // (CDK would otherwise enable the implicit grant with https://example.com as callback).
            DisableOAuth = true,
        });

        // The outputs map one to one to AddCognitoAuth's configuration (README, "Outputs"). The client secret is
        // never an output: outputs are readable by anyone who can describe the stack.
        _ = new CfnOutput(this, "UserPoolId", new CfnOutputProps
        {
            Value = UserPool.UserPoolId,
            Description = "Cognito:UserPoolId",
        });
        _ = new CfnOutput(this, "UserPoolClientId", new CfnOutputProps
        {
            Value = Client.UserPoolClientId,
            Description = "Cognito:ClientId",
        });
        _ = new CfnOutput(this, "Region", new CfnOutputProps
        {
            Value = Aws.REGION,
            Description = "Cognito:Region",
        });
        _ = new CfnOutput(this, "CustomSenderKeyArn", new CfnOutputProps
        {
            Value = CustomSenderKey.KeyArn,
            Description = "EmailSender:KmsKeyArn (the key Cognito encrypts codes with)",
        });
    }

    /// <summary>The key Cognito encrypts codes and temporary passwords with.</summary>
    public Key CustomSenderKey { get; }

    /// <summary>The sender function.</summary>
    public Function Sender { get; }

    /// <summary>The SMS sender function, when <see cref="CognitoStackProps.SmsSender"/> is set.</summary>
    public Function? SmsSender { get; }

    /// <summary>The duplicate-suppression table, when <see cref="CognitoStackProps.IdempotencyTable"/> is set.</summary>
    public Table? IdempotencyTable { get; }

    /// <summary>The user pool.</summary>
    public UserPool UserPool { get; }

    /// <summary>The app client.</summary>
    public UserPoolClient Client { get; }

    /// <summary>
    /// The function's configuration, in the sender's contract (<c>__</c> separates sections). Only names and
    /// addresses: no secret has a variable here.
    /// </summary>
    /// <remarks>
    /// The pool id is absent unless pinned (<see cref="CognitoStackProps.ExpectedUserPoolId"/>): the pool's trigger
    /// needs the function's ARN, so the function's environment cannot reference the pool's id without a
    /// circular dependency in CloudFormation. The function takes the pool id from each event instead.
    /// </remarks>
    private Dictionary<string, string> SenderEnvironment(CognitoStackProps props)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["EmailSender__KmsKeyArn"] = CustomSenderKey.KeyArn,
            ["EmailSender__AppUrl"] = props.AppUrl,
            ["EmailSender__FromAddress"] = props.FromAddress,
            ["EmailSender__FromName"] = props.FromName,
            ["Mailer__Kind"] = props.Mailer.ToString(),
        };
        if (props.ExpectedUserPoolId is { } poolId)
        {
            env["EmailSender__UserPoolId"] = poolId;
        }

        if (IdempotencyTable is not null)
        {
            env["Idempotency__TableName"] = IdempotencyTable.TableName;
        }

        switch (props.Mailer)
        {
            case MailerKind.SendGrid:
                env["SendGrid__ApiKeyParameterName"] = props.SendGridApiKeyParameterName;
                break;
            case MailerKind.Smtp:
                env["Smtp__Host"] = props.SmtpHost!;
                env["Smtp__Port"] = props.SmtpPort.ToString(CultureInfo.InvariantCulture);
                env["Smtp__UseTls"] = props.SmtpTls.ToString();
                break;
        }

        return env;
    }

    /// <summary>
    /// CDK's trigger permission scopes the invoke to the pool's ARN; add <c>SourceAccount</c> too, so that even a
    /// recreated pool with the same ARN in another account could never invoke the function (confused deputy).
    /// </summary>
    private void ScopeInvokePermission()
    {
        // CDK adds them as UserPool/CustomEmailSenderCognito (and UserPool/CustomSmsSenderCognito).
        var permissions = UserPool.Node.Children
            .OfType<CfnPermission>()
            .Where(p => p.Principal == "cognito-idp.amazonaws.com")
            .ToList();
        var expected = SmsSender is null ? 1 : 2;
        if (permissions.Count != expected)
        {
            throw new InvalidOperationException(
                $"Expected CDK to create {expected} cognito-idp invoke permission(s) on the senders, found {permissions.Count}.");
        }

        foreach (var permission in permissions)
        {
            permission.SourceAccount = Aws.ACCOUNT_ID;
        }
    }

    /// <summary>
    /// The SMS sender, the email sender's twin in shape: its own role writing only its own log group, kms:Decrypt on the
    /// same key (Cognito encrypts SMS codes with the pool's one custom-sender key), and sns:Publish for the SNS provider.
    /// </summary>
    private Function CreateSmsSender(CognitoStackProps props, RemovalPolicy removal)
    {
        var logs = new LogGroup(this, "SmsSenderLogs", new LogGroupProps
        {
            Retention = RetentionDays.ONE_MONTH,
            RemovalPolicy = removal,
        });
        var role = new Role(this, "SmsSenderRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = "Runs the Cognito custom SMS sender.",
        });
        logs.GrantWrite(role);

        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SmsSender__KmsKeyArn"] = CustomSenderKey.KeyArn,
            ["SmsSender__AppUrl"] = props.AppUrl,
            ["SmsProvider__Kind"] = "Sns",
            ["Sns__SmsType"] = "Transactional",
        };
        if (props.ExpectedUserPoolId is { } poolId)
        {
            env["SmsSender__UserPoolId"] = poolId;
        }

        if (IdempotencyTable is not null)
        {
            env["Idempotency__TableName"] = IdempotencyTable.TableName;
        }

        var function = new Function(this, "SmsSender", new FunctionProps
        {
            Role = role,
            Description = "Cognito CustomSMSSender: decrypts the code and texts it through Amazon SNS.",
            Runtime = DotNet10,
            Architecture = props.SenderArchitecture == SenderArchitecture.X86_64 ? Architecture.X86_64 : Architecture.ARM_64,
            Handler = SmsSenderHandler,
            Code = Code.FromAsset(props.SmsSenderAssetPath!),
            // The same sizing and retry reasoning as the email sender: one KMS Decrypt and one SNS Publish.
            MemorySize = 512,
            Timeout = Duration.Seconds(30),
            Environment = env,
            LogGroup = logs,
            RetryAttempts = 2,
            MaxEventAge = Duration.Hours(1),
        });

        CustomSenderKey.GrantDecrypt(function);

        // SNS Publish to a phone number has no resource ARN to scope to (IAM evaluates it against "*"); deny publishing to
        // topics and endpoints so the role can only text phone numbers.
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Effect = Effect.ALLOW,
            Actions = ["sns:Publish"],
            Resources = ["*"],
        }));
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Effect = Effect.DENY,
            Actions = ["sns:Publish"],
            Resources = [$"arn:{Aws.PARTITION}:sns:*:*:*"],
        }));
        GrantIdempotency(role);
        return function;
    }

    /// <summary>Least privilege on the duplicate table: the store's three calls, on this table's ARN only.</summary>
    private void GrantIdempotency(Role role)
    {
        if (IdempotencyTable is null)
        {
            return;
        }

        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Effect = Effect.ALLOW,
            Actions = ["dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:DeleteItem"],
            Resources = [IdempotencyTable.TableArn],
        }));
    }

    private string SsmParameterArn(string name) =>
        FormatArn(new ArnComponents
        {
            Service = "ssm",
            Resource = "parameter",
            // arn:...:parameter/a/b for the name /a/b, arn:...:parameter/a for the name a.
            ResourceName = name.TrimStart('/'),
        });

    private static void Validate(CognitoStackProps props)
    {
        if (string.IsNullOrWhiteSpace(props.SenderAssetPath) || !Directory.Exists(props.SenderAssetPath))
        {
            throw new ArgumentException(
                $"SenderAssetPath must be the folder of the published sender function, got '{props.SenderAssetPath}'.",
                nameof(props));
        }

        if (props.SenderRuntime == SenderRuntime.NativeAot && !File.Exists(Path.Combine(props.SenderAssetPath, NativeAotHandler)))
        {
            throw new ArgumentException(
                $"SenderRuntime NativeAot needs the Native AOT binary named 'bootstrap' in SenderAssetPath ('{props.SenderAssetPath}'); see README, Native AOT.",
                nameof(props));
        }

        if (props.SmsSender && (string.IsNullOrWhiteSpace(props.SmsSenderAssetPath) || !Directory.Exists(props.SmsSenderAssetPath)))
        {
            throw new ArgumentException(
                $"SmsSender needs SmsSenderAssetPath, the folder of the published SMS sender function, got '{props.SmsSenderAssetPath}'.",
                nameof(props));
        }

        if (!PoolName().IsMatch(props.UserPoolName))
        {
            throw new ArgumentException(
                $"UserPoolName must be 1-100 letters, digits, '-' or '_' (it also names the key alias), got '{props.UserPoolName}'.",
                nameof(props));
        }

        if (!props.SignInWithUsername && !props.SignInWithEmail)
        {
            throw new ArgumentException("Sign in needs at least one alias: SignInWithUsername or SignInWithEmail.", nameof(props));
        }

        if (!Uri.TryCreate(props.AppUrl, UriKind.Absolute, out var appUrl) || appUrl.Scheme is not ("https" or "http"))
        {
            throw new ArgumentException($"AppUrl must be an absolute http(s) URL, got '{props.AppUrl}'.", nameof(props));
        }

        if (!props.FromAddress.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException($"FromAddress must be an email address, got '{props.FromAddress}'.", nameof(props));
        }

        switch (props.Mailer)
        {
            case MailerKind.SendGrid when !SsmParameterName().IsMatch(props.SendGridApiKeyParameterName):
                throw new ArgumentException(
                    "SendGridApiKeyParameterName must be an SSM parameter name (letters, digits, _.-/, " +
                    $"e.g. /exanubes-cognito/sendgrid-api-key), got '{props.SendGridApiKeyParameterName}'.",
                    nameof(props));
            case MailerKind.Smtp when string.IsNullOrWhiteSpace(props.SmtpHost):
                throw new ArgumentException("SmtpHost is required when Mailer is Smtp.", nameof(props));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex PoolName();

    [GeneratedRegex("^/?[A-Za-z0-9_.\\-]+(/[A-Za-z0-9_.\\-]+)*$")]
    private static partial Regex SsmParameterName();
}
