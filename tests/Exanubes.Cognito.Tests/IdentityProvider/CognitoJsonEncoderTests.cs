using System.Text;
using Exanubes.Cognito.IdentityProvider;

namespace Exanubes.Cognito.Tests.IdentityProvider;

public sealed class CognitoJsonEncoderTests
{
    // Expected values follow ECMAScript's QuoteJSONString (what JSON.stringify and so the AWS JS SDK write).
    public static TheoryData<string, string> Cases => new()
    {
        { "Zoë", "\"Zoë\"" },
        { "\U0001F600", "\"\U0001F600\"" },
        { "Çelik 東京 ß", "\"Çelik 東京 ß\"" },
        { "\u2028\u2029", "\"\u2028\u2029\"" },
        { "<b>&'+`", "\"<b>&'+`\"" },
        { "a\"b\\c", "\"a\\\"b\\\\c\"" },
        { "\b\t\n\f\r", "\"\\b\\t\\n\\f\\r\"" },
        { "\u0000\u001f\u007f", "\"\\u0000\\u001f\u007f\"" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void SerializeRequest_String_EscapesLikeJsonStringify(string value, string expectedJsonValue)
    {
        var body = CognitoIdentityProviderClient.SerializeRequest(new GetUserRequest { AccessToken = value }, CognitoJsonContext.Default.GetUserRequest);

        Assert.Equal("{\"AccessToken\":" + expectedJsonValue + "}", Encoding.UTF8.GetString(body));
        Assert.Equal(Encoding.UTF8.GetBytes("{\"AccessToken\":" + expectedJsonValue + "}"), body);
    }

    [Fact]
    public void SerializeRequest_DictionaryKeysAndNestedValues_RawUtf8()
    {
        var body = CognitoIdentityProviderClient.SerializeRequest(
            new SignUpRequest
            {
                ClientId = "c",
                Username = "zoë",
                UserAttributes = [new AttributeType { Name = "name", Value = "Zoë \U0001F600" }],
                ClientMetadata = new Dictionary<string, string> { ["grüße"] = "\U0001F600" },
            },
            CognitoJsonContext.Default.SignUpRequest);

        Assert.Equal(
            "{\"ClientId\":\"c\",\"Username\":\"zoë\",\"UserAttributes\":[{\"Name\":\"name\",\"Value\":\"Zoë \U0001F600\"}],\"ClientMetadata\":{\"grüße\":\"\U0001F600\"}}",
            Encoding.UTF8.GetString(body));
    }

    [Theory]
    [InlineData('"', true)]
    [InlineData('\\', true)]
    [InlineData('\u001f', true)]
    [InlineData(' ', false)]
    [InlineData('<', false)]
    [InlineData('ë', false)]
    [InlineData(0x1F600, false)]
    public void WillEncode_Scalar_OnlyQuotesBackslashesAndControls(int scalar, bool expected)
        => Assert.Equal(expected, CognitoJsonEncoder.Instance.WillEncode(scalar));
}
