using System.Globalization;
using System.Text.Json.Nodes;

namespace Exanubes.Cognito.IntegrationTests.Wire;

/// <summary>
/// Response parsing for the flows cognito-local lacks (SRP, GlobalSignOut, GetTokensFromRefreshToken, RevokeToken)
/// and admin shapes: the same canned Cognito payload (Fixtures/responses.json, shaped after the AWS API reference) is
/// served to the official JS SDK and to our client, and both must read the same values or the same error.
/// </summary>
[Collection(WireCollection.Name)]
public sealed class WireResponseTests(WireFixture wire)
{
    public static TheoryData<string> ResponseCaseNames => [.. WireFixture.ResponseCases.Select(c => c.Name)];

    [Fact]
    public void Fixtures_CoverTheFlowsCognitoLocalLacks()
    {
        var actions = WireFixture.ResponseCases.Select(c => c.Action).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(["GlobalSignOut", "GetTokensFromRefreshToken", "RevokeToken", "RespondToAuthChallenge", "InitiateAuth"]), actions);
        Assert.Contains(WireFixture.ResponseCases, c => c.Input["AuthFlow"]?.GetValue<string>() == "USER_SRP_AUTH");
        Assert.Contains(WireFixture.ResponseCases, c => c.Input["ChallengeName"]?.GetValue<string>() == "PASSWORD_VERIFIER");
    }

    [Theory]
    [MemberData(nameof(ResponseCaseNames))]
    public void Response_Fixture_ReadLikeTheJsSdk(string name)
    {
        var js = wire.Js[name];
        var ours = wire.Ours[name];

        if (js.ErrorName is not null)
        {
            Assert.True(ours.ErrorName is not null, $"JS SDK failed with {js.ErrorName}, our client succeeded: {ours.Output?.ToJsonString()}");
            Assert.Equal(js.ErrorName, ours.ErrorName);
            Assert.Equal(js.ErrorMessage, ours.ErrorMessage);
            return;
        }

        Assert.True(ours.ErrorName is null, $"our client failed with {ours.ErrorName}: {ours.ErrorMessage}");
        var expected = NormalizeJsDates(js.Output);
        Assert.True(JsonNode.DeepEquals(expected, ours.Output), $"outputs differ for '{name}':\n JS:   {expected?.ToJsonString()}\n ours: {ours.Output?.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(ResponseCaseNames))]
    public void Response_Fixture_RequestAlsoMatchesTheJsSdk(string name)
    {
        var js = wire.Js[name].Request;
        var ours = wire.Ours[name].Request;

        Assert.Equal(js.Headers["X-Amz-Target"], ours.Headers.GetValueOrDefault("X-Amz-Target"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(js.Body), JsonNode.Parse(ours.Body)), $"bodies differ for '{name}'");
    }

    /// <summary>The JS SDK turns epoch-second timestamps into Dates (ISO strings in JSON); map them back to epoch seconds.</summary>
    private static JsonNode? NormalizeJsDates(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    obj[key] = NormalizeJsDates(value?.DeepClone());
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = NormalizeJsDates(array[i]?.DeepClone());
                }

                return array;
            case JsonValue value when value.TryGetValue<string>(out var text)
                && text.EndsWith('Z') && text.Length >= 20 && text[4] == '-' && text[10] == 'T'
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date):
                return JsonValue.Create((date - DateTimeOffset.UnixEpoch).TotalSeconds);
            default:
                return node;
        }
    }
}
