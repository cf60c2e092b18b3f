namespace Exanubes.Cognito.Tokens;

/// <summary>The claims the validator reads from a token payload, before they are checked.</summary>
internal struct CognitoJwtClaims
{
    public CognitoUserPool? Pool;
    public string? Issuer;
    public bool HasIssuer;
    public CognitoTokenUse? TokenUse;
    public string? OtherTokenUse;
    public bool HasTokenUse;
    public string? ClientId;
    public string? Audience;
    public string? Subject;
    public long Exp;
    public bool HasExp;
    public long? Nbf;
    public long? Iat;
    public long? AuthTime;

    public string? ClientIdFor(CognitoTokenUse use) => use == CognitoTokenUse.Access ? ClientId : Audience;
}
