using System.Text;
using Exanubes.Cognito.EmailSender.Tests.Support;

namespace Exanubes.Cognito.EmailSender.Tests.Events;

public class CustomEmailSenderEventTests
{
    [Theory]
    [MemberData(nameof(Fixtures.Names), MemberType = typeof(Fixtures))]
    public void Parse_Fixture_ReadsEveryWireField(string name)
    {
        var evt = Fixtures.Event(name);

        Assert.Equal("CustomEmailSender_" + name, evt.TriggerSource.Value);
        Assert.True(evt.TriggerSource.IsKnown);
        Assert.Equal("1", evt.Version);
        Assert.Equal("eu-west-1", evt.Region);
        Assert.Equal(Fixtures.UserPoolId, evt.UserPoolId);
        Assert.Equal("jane.doe", evt.UserName);
        Assert.Equal("aws-sdk-unknown-unknown", evt.CallerContext!.AwsSdkVersion);
        Assert.Equal(name == "AdminCreateUser" ? null : Fixtures.ClientId, evt.CallerContext.ClientId);
        Assert.Equal(CustomEmailSenderRequest.TypeV1, evt.Request!.Type);
        Assert.Contains("email", evt.Request.UserAttributes!.Keys);
        Assert.NotNull(evt.Response);
        if (Fixtures.Codes[name] is null)
        {
            Assert.Null(evt.Request.Code);
            Assert.False(evt.TriggerSource.CarriesCode);
        }
        else
        {
            Assert.StartsWith("AYADe", evt.Request.Code, StringComparison.Ordinal); // base64 of 01 80 03 78: v1, suite 0x0378
            Assert.True(evt.TriggerSource.CarriesCode);
        }
    }

    [Fact]
    public void Parse_ClientMetadata_IsRead()
    {
        var evt = Fixtures.Event("SignUp");

        Assert.Equal("en-GB", evt.Request!.ClientMetadata!["locale"]);
    }

    [Fact]
    public void Parse_UnknownTriggerSource_IsPreserved()
    {
        var node = Fixtures.Node("SignUp");
        node["triggerSource"] = "CustomEmailSender_SomethingNew";

        var evt = CustomEmailSenderEvent.Parse(Fixtures.ToBytes(node));

        Assert.Equal("CustomEmailSender_SomethingNew", evt.TriggerSource.Value);
        Assert.False(evt.TriggerSource.IsKnown);
        Assert.NotEqual(CustomEmailSenderTriggerSource.SignUp, evt.TriggerSource);
    }

    [Theory]
    [InlineData("{\"triggerSource\": ", "triggerSource")]
    [InlineData("{\"version\": \"1\",,}", "")]
    [InlineData("[1,2]", "")]
    [InlineData("{\"triggerSource\": 5}", "triggerSource")]
    [InlineData("{\"triggerSource\": \"CustomEmailSender_SignUp\", \"userPoolId\": \"p_1\", \"request\": {\"type\": \"customEmailSenderRequestV1\", \"userAttributes\": {\"email\": 7}}}", "request.userAttributes.email")]
    [InlineData("{\"triggerSource\": \"CustomEmailSender_SignUp\", \"userPoolId\": \"p_1\", \"request\": {\"type\": \"customEmailSenderRequestV1\", \"code\": {}, \"userAttributes\": {}}}", "request.code")]
    [InlineData("{\"triggerSource\": \"CustomEmailSender_SignUp\", \"userPoolId\": \"p_1\", \"callerContext\": []}", "callerContext")]
    public void Parse_MalformedJson_NamesTheField(string json, string field)
    {
        var ex = Assert.Throws<CustomEmailSenderEventException>(() => CustomEmailSenderEvent.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(field, ex.Field);
        if (field.Length > 0)
        {
            Assert.Contains($"'{field}'", ex.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("not valid JSON", ex.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("customSmsSenderRequestV1")]
    [InlineData("customEmailSenderRequestV2")]
    public void Parse_WrongRequestType_NamesRequestType(string type)
    {
        var node = Fixtures.Node("SignUp");
        node["request"]!["type"] = type;

        var ex = Assert.Throws<CustomEmailSenderEventException>(() => CustomEmailSenderEvent.Parse(Fixtures.ToBytes(node)));

        Assert.Equal("request.type", ex.Field);
        Assert.Contains(type, ex.Message, StringComparison.Ordinal);
        Assert.Contains("customEmailSenderRequestV1", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("triggerSource")]
    [InlineData("userPoolId")]
    [InlineData("request")]
    [InlineData("request.type")]
    [InlineData("request.userAttributes")]
    public void Parse_MissingField_NamesIt(string field)
    {
        var node = Fixtures.Node("SignUp");
        var parts = field.Split('.');
        var parent = parts.Length == 1 ? node : node[parts[0]]!.AsObject();
        parent.Remove(parts[^1]);

        var ex = Assert.Throws<CustomEmailSenderEventException>(() => CustomEmailSenderEvent.Parse(Fixtures.ToBytes(node)));

        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public void Parse_JsonNull_Throws()
    {
        var ex = Assert.Throws<CustomEmailSenderEventException>(() => CustomEmailSenderEvent.Parse("null"u8));

        Assert.Equal(string.Empty, ex.Field);
    }

    [Fact]
    public void TriggerSource_All_HasTheEightDocumentedValuesOnce()
    {
        var values = CustomEmailSenderTriggerSource.All.Select(t => t.Value).ToList();

        Assert.Equal(8, values.Distinct(StringComparer.Ordinal).Count());
        Assert.All(values, v => Assert.StartsWith("CustomEmailSender_", v, StringComparison.Ordinal));
        Assert.Equal(Fixtures.Codes.Keys.Select(k => "CustomEmailSender_" + k).Order(StringComparer.Ordinal), values.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TriggerSource_Empty_IsRefused()
        => Assert.Throws<ArgumentException>(() => new CustomEmailSenderTriggerSource(string.Empty));

    [Fact]
    public void TriggerSource_Default_IsUnknownAndEmpty()
    {
        CustomEmailSenderTriggerSource source = default;

        Assert.False(source.IsKnown);
        Assert.Equal(string.Empty, source.ToString());
    }

    [Fact]
    public void Parse_NullClientId_IsNull()
    {
        var node = Fixtures.Node("SignUp");
        node["callerContext"]!["clientId"] = null;

        var evt = CustomEmailSenderEvent.Parse(Fixtures.ToBytes(node));

        Assert.Null(evt.CallerContext!.ClientId);
    }
}
