using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>
/// The <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html">pre token generation</see>
/// trigger event, versions 1 (ID token), 2 (ID and access tokens) and 3 (also machine-to-machine access tokens). Change
/// the tokens through <see cref="Tokens"/>, which writes the response shape of the event's version.
/// </summary>
public sealed class PreTokenGenerationEvent : CognitoTriggerEvent
{
    /// <summary>The client-credentials (machine-to-machine) source, sent only to V3_0 triggers.</summary>
    public const string ClientCredentialsSource = "TokenGeneration_ClientCredentials";

    /// <summary>The documented trigger sources.</summary>
    public static IReadOnlyCollection<string> TriggerSources { get; } =
    [
        "TokenGeneration_HostedAuth", "TokenGeneration_Authentication", "TokenGeneration_NewPasswordChallenge",
        "TokenGeneration_AuthenticateDevice", "TokenGeneration_RefreshTokens", ClientCredentialsSource,
    ];

    private PreTokenGenerationBuilder? _tokens;

    /// <summary>The user (or, for M2M, the client), its groups and requested scopes.</summary>
    [JsonPropertyName("request")]
    public PreTokenGenerationRequest Request { get; set; } = null!;

    /// <summary>The overrides; write it through <see cref="Tokens"/>.</summary>
    [JsonPropertyName("response")]
    public PreTokenGenerationResponse Response { get; set; } = new();

    /// <summary>The typed builder over <see cref="Response"/> for this event's version.</summary>
    [JsonIgnore]
    public PreTokenGenerationBuilder Tokens => _tokens ??= new PreTokenGenerationBuilder(this);

    /// <summary>Whether this is a machine-to-machine (client credentials) event: there is no user and no ID token.</summary>
    [JsonIgnore]
    public bool IsMachineToMachine => TriggerSource == ClientCredentialsSource;

    /// <summary>The event version as a number: 1, 2 or 3.</summary>
    [JsonIgnore]
    public int VersionNumber => Version switch { "2" => 2, "3" => 3, _ => 1 };

    private protected override void ValidateRequest()
    {
        if (Version is not ("1" or "2" or "3"))
        {
            throw new CognitoTriggerEventException("version", $"'{CognitoTriggerReader.Safe(Version ?? "(missing)")}' is not a pre token generation event version (1, 2 or 3).");
        }

        if (Request is null)
        {
            throw new CognitoTriggerEventException("request", "is missing.");
        }

        if (IsMachineToMachine && Version != "3")
        {
            throw new CognitoTriggerEventException("triggerSource", $"{ClientCredentialsSource} is only sent to version 3 triggers, but the event is version {Version}.");
        }

        Response ??= new();
    }
}
