using System.Net;
using Exanubes.Cognito.Tests.IdentityProvider;

namespace Exanubes.Cognito.Tests;

public sealed class CognitoResultTests
{
    [Fact]
    public void EnsureSuccess_Failure_ThrowsWithErrorAndReadableMessage()
    {
        var error = new CognitoError(CognitoErrorCode.ExpiredCode, "ExpiredCodeException", "Invalid code provided, please request a code again.", HttpStatusCode.BadRequest);

        var exception = Assert.Throws<CognitoException>(() => CognitoResult<CognitoUser>.Failure(error).EnsureSuccess());

        Assert.Same(error, exception.Error);
        Assert.Equal("Amazon Cognito returned ExpiredCodeException (HTTP 400): Invalid code provided, please request a code again.", exception.Message);
    }

    [Fact]
    public void EnsureSuccess_Success_ReturnsValue()
    {
        var user = new CognitoUser("ada", new Dictionary<string, string>());

        Assert.Same(user, CognitoResult<CognitoUser>.Success(user).EnsureSuccess());
        CognitoResult.Success.EnsureSuccess();
    }

    [Fact]
    public void ToString_SignedInResult_DoesNotPrintTokens()
    {
        var tokens = new CognitoTokens("access.token.value", "id.token.value", "refresh-token-value", "Bearer", TimeSpan.FromHours(1), "ada");
        var result = CognitoResult<CognitoSignInResult>.Success(CognitoSignInResult.SignedIn(tokens));

        var text = result + " " + result.Value + " " + tokens;

        Assert.DoesNotContain("token.value", text, StringComparison.Ordinal);
        Assert.DoesNotContain("refresh-token-value", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceCall_Cancelled_Throws()
    {
        await using var host = WireTestHost.Create("InitiateAuth.Tokens.json");
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Auth.SignInAsync("ada", "Passw0rd!", cancellationToken: cts.Token));
    }

    [Fact]
    public async Task ServiceCall_Unreachable_ThrowsHttpRequestException()
    {
        await using var host = WireTestHost.Create(_ => throw new HttpRequestException("no route to host"));

        await Assert.ThrowsAsync<HttpRequestException>(() => host.Auth.SignInAsync("ada", "Passw0rd!"));
    }
}
