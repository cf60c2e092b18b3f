using Exanubes.Cognito.IdentityProvider;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.SignUp;

/// <summary>Sign-up: register a user, confirm it with the code, resend the code (Cognito <c>SignUp</c>, <c>ConfirmSignUp</c>, <c>ResendConfirmationCode</c>).</summary>
internal sealed class SignUpFlow
{
    private readonly CognitoIdentityProviderClient _client;
    private readonly IOptions<CognitoAuthOptions> _options;

    public SignUpFlow(CognitoIdentityProviderClient client, IOptions<CognitoAuthOptions> options)
    {
        _client = client;
        _options = options;
    }

    private CognitoAuthOptions Options => _options.Value;

    public async Task<CognitoResult<CognitoSignUpResult>> SignUpAsync(CognitoSignUpRequest request, CognitoCallContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.Username, "request.Username");
        ArgumentException.ThrowIfNullOrEmpty(request.Password, "request.Password");
        var result = await _client.SendAsync(SignUpRequest.Action,
            new SignUpRequest
            {
                ClientId = Options.ClientId,
                SecretHash = SecretHash.For(Options, request.Username),
                Username = request.Username,
                Password = request.Password,
                UserAttributes = CognitoResultMapping.ToAttributes(request.Attributes),
                ValidationData = CognitoResultMapping.ToAttributes(request.ValidationData),
                ClientMetadata = CognitoResultMapping.ToMetadata(request.ClientMetadata),
            },
            context,
            cancellationToken).ConfigureAwait(false);
        return result.Map(r => new CognitoSignUpResult(
            r.UserConfirmed,
            r.UserSub ?? string.Empty,
            r.CodeDeliveryDetails is null ? null : CognitoResultMapping.ToDelivery(r.CodeDeliveryDetails))
        {
            Session = r.Session,
        });
    }

    public async Task<CognitoResult> ConfirmSignUpAsync(string username, string confirmationCode, CognitoCallContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(confirmationCode);
        var result = await _client.SendAsync(ConfirmSignUpRequest.Action,
            new ConfirmSignUpRequest
            {
                ClientId = Options.ClientId,
                SecretHash = SecretHash.For(Options, username),
                Username = username,
                ConfirmationCode = confirmationCode,
            },
            context,
            cancellationToken).ConfigureAwait(false);
        return result.ToResult();
    }

    public async Task<CognitoResult<CognitoCodeDelivery>> ResendConfirmationCodeAsync(string username, CognitoCallContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        var result = await _client.SendAsync(ResendConfirmationCodeRequest.Action,
            new ResendConfirmationCodeRequest { ClientId = Options.ClientId, SecretHash = SecretHash.For(Options, username), Username = username },
            context,
            cancellationToken).ConfigureAwait(false);
        return result.Map(r => CognitoResultMapping.ToDelivery(r.CodeDeliveryDetails));
    }
}
