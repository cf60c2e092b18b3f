// The folder mirrors src/Exanubes.Cognito/Results; the namespace stays Exanubes.Cognito.Tests so that ASP.NET Core's Results class is not shadowed.
using System.Net;
using Exanubes.Cognito.IdentityProvider;
using Exanubes.Cognito.Tests.IdentityProvider;

namespace Exanubes.Cognito.Tests;

/// <summary>Cognito's limits as typed outcomes: throttling after the safe-action retries, and the feature plan a feature needs.</summary>
public sealed class CognitoErrorTests
{
    [Fact]
    public async Task GetUser_AlwaysThrottled_RetriedThenThrottledResult()
    {
        await using var host = WireTestHost.Create(_ => FakeCognitoHandler.Fixture("Error.TooManyRequests.json", HttpStatusCode.BadRequest));

        var result = await host.Auth.GetUserAsync("access-token");

        Assert.False(result.Succeeded);
        Assert.True(result.Error.IsThrottled);
        Assert.Equal(CognitoErrorCode.TooManyRequests, result.Error.Code);
        Assert.Equal(1 + 3, host.Handler.Requests.Count);
    }

    [Fact]
    public async Task SignUp_Throttled_SentOnceAndThrottledResult()
    {
        await using var host = WireTestHost.Create(_ => FakeCognitoHandler.Fixture("Error.TooManyRequests.json", HttpStatusCode.BadRequest));

        var result = await host.Auth.SignUpAsync(new CognitoSignUpRequest { Username = "ada", Password = "Passw0rd!" });

        Assert.True(result.Error?.IsThrottled);
        Assert.Single(host.Handler.Requests);
    }

    [Theory]
    [InlineData("Error.NotAuthorized.json", HttpStatusCode.BadRequest, false)]
    [InlineData("Error.InternalError.json", HttpStatusCode.TooManyRequests, true)]
    public async Task IsThrottled_OtherErrors_OnlyHttp429Counts(string fixture, HttpStatusCode status, bool throttled)
    {
        await using var host = WireTestHost.Create(_ => FakeCognitoHandler.Fixture(fixture, status));

        var result = await host.Auth.ChangePasswordAsync("access-token", "old", "new");

        Assert.Equal(throttled, result.Error?.IsThrottled);
    }

    [Fact]
    public async Task SetMfaPreference_EmailOnALitePool_FeatureUnavailableNamesEssentials()
    {
        await using var host = WireTestHost.Create(_ => FakeCognitoHandler.Fixture("Error.FeatureUnavailableInTier.json", HttpStatusCode.BadRequest));

        var result = await host.Auth.SetMfaPreferenceAsync("access-token", new CognitoMfaPreference { EmailEnabled = true, Preferred = CognitoMfaMethod.Email });

        Assert.Equal(CognitoErrorCode.FeatureUnavailableInTier, result.Error?.Code);
        Assert.Equal(CognitoFeatureTier.Essentials, result.Error?.RequiredTier);
        Assert.Equal("FeatureUnavailableInTierException", result.Error?.Type);
    }

    [Fact]
    public async Task Refresh_RotationOnALitePool_FeatureUnavailableNamesEssentials()
    {
        await using var host = WireTestHost.Create(
            _ => FakeCognitoHandler.Fixture("Error.FeatureUnavailableInTier.json", HttpStatusCode.BadRequest),
            options => options.UseGetTokensFromRefreshToken = true);

        var result = await host.Auth.RefreshAsync("refresh-token");

        Assert.Equal(CognitoFeatureTier.Essentials, result.Error?.RequiredTier);
        Assert.Equal("GetTokensFromRefreshToken", Assert.Single(host.Handler.Requests).Action);
    }

    [Fact]
    public async Task OtherErrors_HaveNoRequiredTier()
    {
        await using var host = WireTestHost.Create(_ => FakeCognitoHandler.Fixture("Error.NotAuthorized.json", HttpStatusCode.BadRequest));

        var result = await host.Auth.SetMfaPreferenceAsync("access-token", new CognitoMfaPreference { EmailEnabled = true });

        Assert.Null(result.Error?.RequiredTier);
        Assert.False(result.Error?.IsThrottled);
    }
}
