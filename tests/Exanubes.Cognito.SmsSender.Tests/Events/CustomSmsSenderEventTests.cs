using Exanubes.Cognito.Lambda;
using Exanubes.Cognito.SmsSender.Tests.Support;

namespace Exanubes.Cognito.SmsSender.Tests.Events;

/// <summary>The custom SMS sender event (Exanubes.Cognito.Lambda/Triggers/CustomSender) read by the shared trigger reader.</summary>
public sealed class CustomSmsSenderEventTests
{
    [Theory]
    [MemberData(nameof(SmsEvents.Names), MemberType = typeof(SmsEvents))]
    public void Parse_EachDocumentedSource_ReadsTheWireFields(string name)
    {
        var evt = CustomSmsSenderEvent.Parse(SmsEvents.Bytes(name));

        Assert.Equal("CustomSMSSender_" + name, evt.TriggerSource);
        Assert.Equal(SmsEvents.UserPoolId, evt.UserPoolId);
        Assert.NotNull(evt.CallerContext);
        Assert.Equal(CustomSmsSenderEvent.RequestTypeV1, evt.Request.Type);
        Assert.StartsWith("AYAD", evt.Request.Code, StringComparison.Ordinal);
        Assert.Equal(SmsEvents.Phone, evt.Request.UserAttributes["phone_number"]);
    }

    [Fact]
    public void TriggerSources_AreTheSevenDocumentedOnes()
    {
        Assert.Equal(
            ["CustomSMSSender_AdminCreateUser", "CustomSMSSender_Authentication", "CustomSMSSender_ForgotPassword", "CustomSMSSender_ResendCode", "CustomSMSSender_SignUp", "CustomSMSSender_UpdateUserAttribute", "CustomSMSSender_VerifyUserAttribute"],
            CustomSmsSenderEvent.TriggerSources.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("triggerSource", "CustomSMSSender_Unknown", "triggerSource")]
    [InlineData("triggerSource", "CustomEmailSender_SignUp", "triggerSource")]
    [InlineData("userPoolId", "not a pool", "userPoolId")]
    [InlineData("request.type", "customEmailSenderRequestV1", "request.type")]
    [InlineData("request.code", null, "request.code")]
    [InlineData("request", null, "request")]
    public void Parse_BrokenField_FailsNamingIt(string path, string? value, string field)
    {
        var node = SmsEvents.Node("SignUp");
        var parts = path.Split('.');
        var parent = parts.Length == 1 ? node : node[parts[0]]!.AsObject();
        if (value is null)
        {
            parent.Remove(parts[^1]);
        }
        else
        {
            parent[parts[^1]] = value;
        }

        var ex = Assert.Throws<CognitoTriggerEventException>(() => CustomSmsSenderEvent.Parse(SmsEvents.ToBytes(node)));

        Assert.Equal(field, ex.Field);
        Assert.DoesNotContain("AYAD", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotJson_FailsNamingTheWholeEvent()
    {
        var ex = Assert.Throws<CognitoTriggerEventException>(() => CustomSmsSenderEvent.Parse("not json"u8));

        Assert.Equal("$", ex.Field);
    }
}
