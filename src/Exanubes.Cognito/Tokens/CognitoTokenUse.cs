namespace Exanubes.Cognito.Tokens;

/// <summary>
/// The kind of Cognito user pool token, as carried in its <c>token_use</c> claim.
/// See <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-with-identity-providers.html"/>.
/// </summary>
public enum CognitoTokenUse
{
    /// <summary>An access token (<c>token_use</c> = <c>access</c>): authorises calls to your API; carries <c>client_id</c> and <c>scope</c>.</summary>
    Access = 0,

    /// <summary>An id token (<c>token_use</c> = <c>id</c>): describes the user to the app client named in <c>aud</c>.</summary>
    Id = 1,
}
