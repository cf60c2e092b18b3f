namespace Exanubes.Cognito.IdentityProvider;

// Shared shapes of the Cognito Identity Provider JSON 1.1 protocol, named as in the API reference
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_Types.html).

/// <summary><c>AttributeType</c>: one user attribute.</summary>
internal sealed class AttributeType
{
    public string Name { get; set; } = string.Empty;

    public string? Value { get; set; }
}

/// <summary><c>CodeDeliveryDetailsType</c>.</summary>
internal sealed class CodeDeliveryDetailsType
{
    public string? AttributeName { get; set; }

    public string? DeliveryMedium { get; set; }

    public string? Destination { get; set; }
}

/// <summary><c>AuthenticationResultType</c>.</summary>
internal sealed class AuthenticationResultType
{
    public string? AccessToken { get; set; }

    public int ExpiresIn { get; set; }

    public string? IdToken { get; set; }

    public string? RefreshToken { get; set; }

    public string? TokenType { get; set; }

    public NewDeviceMetadataType? NewDeviceMetadata { get; set; }
}

/// <summary><c>NewDeviceMetadataType</c>.</summary>
internal sealed class NewDeviceMetadataType
{
    public string? DeviceGroupKey { get; set; }

    public string? DeviceKey { get; set; }
}

/// <summary><c>MFAOptionType</c> (legacy SMS MFA settings).</summary>
internal sealed class MfaOptionType
{
    public string? AttributeName { get; set; }

    public string? DeliveryMedium { get; set; }
}

/// <summary><c>UserType</c>, as returned by AdminCreateUser.</summary>
internal sealed class UserType
{
    public string? Username { get; set; }

    public List<AttributeType>? Attributes { get; set; }

    public DateTimeOffset? UserCreateDate { get; set; }

    public DateTimeOffset? UserLastModifiedDate { get; set; }

    public bool? Enabled { get; set; }

    public string? UserStatus { get; set; }

    [System.Text.Json.Serialization.JsonPropertyName("MFAOptions")]
    public List<MfaOptionType>? MfaOptions { get; set; }
}

/// <summary><c>GroupType</c>.</summary>
internal sealed class GroupType
{
    public string? GroupName { get; set; }

    public string? UserPoolId { get; set; }

    public string? Description { get; set; }

    public string? RoleArn { get; set; }

    public int? Precedence { get; set; }

    public DateTimeOffset? LastModifiedDate { get; set; }

    public DateTimeOffset? CreationDate { get; set; }
}

/// <summary>The JSON error body of the protocol: <c>{"__type": "...", "message": "..."}</c>.</summary>
internal sealed class ErrorBody
{
    [System.Text.Json.Serialization.JsonPropertyName("__type")]
    public string? Type { get; set; }

    [System.Text.Json.Serialization.JsonPropertyName("message")]
    public string? Message { get; set; }

    [System.Text.Json.Serialization.JsonPropertyName("Message")]
    public string? MessageUpper { get; set; }
}

/// <summary><c>AnalyticsMetadataType</c>: the Amazon Pinpoint endpoint of the call.</summary>
internal sealed class AnalyticsMetadataType
{
    public string? AnalyticsEndpointId { get; set; }
}

/// <summary><c>UserContextDataType</c>: the end user's IP and device fingerprint, on the user actions.</summary>
internal sealed class UserContextDataType
{
    public string? IpAddress { get; set; }

    public string? EncodedData { get; set; }
}

/// <summary><c>ContextDataType</c>: the end user's request as your server saw it, on the admin sign-in actions.</summary>
internal sealed class ContextDataType
{
    public string IpAddress { get; set; } = string.Empty;

    public string ServerName { get; set; } = string.Empty;

    public string ServerPath { get; set; } = string.Empty;

    public List<HttpHeader> HttpHeaders { get; set; } = [];

    public string? EncodedData { get; set; }
}

/// <summary><c>HttpHeader</c>: one header of <see cref="ContextDataType.HttpHeaders"/> (the model names its members in camel case).</summary>
internal sealed class HttpHeader
{
    [System.Text.Json.Serialization.JsonPropertyName("headerName")]
    public string? HeaderName { get; set; }

    [System.Text.Json.Serialization.JsonPropertyName("headerValue")]
    public string? HeaderValue { get; set; }
}
