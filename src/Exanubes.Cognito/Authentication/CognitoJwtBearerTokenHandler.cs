using Exanubes.Cognito.Tokens;
using Microsoft.IdentityModel.Tokens;

namespace Exanubes.Cognito.Authentication;

/// <summary>
/// The only token handler of a Cognito JwtBearer scheme: JwtBearer extracts the bearer token and calls it, and it
/// answers with <see cref="ICognitoTokenValidator"/>'s verdict. A failure carries the
/// <see cref="CognitoTokenValidationException"/>, which JwtBearer turns into 401.
/// </summary>
internal sealed class CognitoJwtBearerTokenHandler : TokenHandler
{
    private readonly ICognitoTokenValidator _validator;
    private readonly CognitoTokenUse _tokenUse;

    public CognitoJwtBearerTokenHandler(ICognitoTokenValidator validator, CognitoTokenUse tokenUse)
    {
        _validator = validator;
        _tokenUse = tokenUse;
    }

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        // JwtBearer logs a failure with its exception (the detail, never the token): ours would log it a second time.
        var result = _validator is CognitoTokenValidator ours
            ? await ours.TryValidateAsync(token, _tokenUse, log: false, CancellationToken.None).ConfigureAwait(false)
            : await _validator.TryValidateAsync(token, _tokenUse).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return new TokenValidationResult { IsValid = false, Exception = result.Error };
        }

        return new TokenValidationResult
        {
            IsValid = true,
            ClaimsIdentity = result.Token.CreateIdentity(CognitoAuthenticationDefaults.AuthenticationType),
            SecurityToken = new CognitoSecurityToken(result.Token),
            Issuer = result.Token.Issuer,
        };
    }

    /// <summary>The validated token as JwtBearer sees it: id, issuer and validity for the authentication properties.</summary>
    private sealed class CognitoSecurityToken : SecurityToken
    {
        private readonly CognitoValidatedToken _token;

        public CognitoSecurityToken(CognitoValidatedToken token)
        {
            _token = token;
        }

        public override string Id => _token.JwtId ?? string.Empty;

        public override string Issuer => _token.Issuer;

        public override SecurityKey? SecurityKey => null;

        public override SecurityKey? SigningKey { get; set; }

        public override DateTime ValidFrom => (_token.NotBefore ?? _token.IssuedAt ?? DateTimeOffset.MinValue).UtcDateTime;

        public override DateTime ValidTo => _token.ExpiresAt.UtcDateTime;

        public override string UnsafeToString() => _token.ToString();
    }
}
