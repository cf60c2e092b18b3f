namespace Exanubes.Cognito.IdentityProvider;

// The context members a request may carry, one interface per member group of the API model. A request type implements
// exactly the ones its model input declares (ActionDescriptorTests checks it against the model), and
// CognitoCallContextWriter fills them from the caller's CognitoCallContext, so no flow writes context by hand.

/// <summary>A request whose model input has <c>ClientMetadata</c>.</summary>
internal interface ICognitoClientMetadataRequest
{
    Dictionary<string, string>? ClientMetadata { get; set; }
}

/// <summary>A request whose model input has <c>AnalyticsMetadata</c> and <c>UserContextData</c> (the unsigned user actions).</summary>
internal interface ICognitoUserContextRequest
{
    AnalyticsMetadataType? AnalyticsMetadata { get; set; }

    UserContextDataType? UserContextData { get; set; }
}

/// <summary>A request whose model input has <c>AnalyticsMetadata</c> and <c>ContextData</c> (the signed admin sign-in actions).</summary>
internal interface ICognitoAdminContextRequest
{
    AnalyticsMetadataType? AnalyticsMetadata { get; set; }

    ContextDataType? ContextData { get; set; }
}
