namespace Exanubes.Cognito.Tests.SignIn;

public sealed class CognitoUserAuthTypesTests
{
    [Theory]
    [InlineData(CognitoFirstFactor.Password, "PASSWORD")]
    [InlineData(CognitoFirstFactor.PasswordSrp, "PASSWORD_SRP")]
    [InlineData(CognitoFirstFactor.EmailOtp, "EMAIL_OTP")]
    [InlineData(CognitoFirstFactor.SmsOtp, "SMS_OTP")]
    [InlineData(CognitoFirstFactor.WebAuthn, "WEB_AUTHN")]
    public void FirstFactors_WireNames_RoundTrip(CognitoFirstFactor factor, string wire)
    {
        Assert.Equal(wire, CognitoFirstFactors.ToWireName(factor));
        Assert.Equal(factor, CognitoFirstFactors.Parse(wire));
        Assert.NotEqual(CognitoChallengeName.Unknown, CognitoChallengeNames.Parse(wire));
    }

    [Fact]
    public void FirstFactors_UnknownNameOrValue_NullOrThrows()
    {
        Assert.Null(CognitoFirstFactors.Parse("SOFTWARE_TOKEN_MFA"));
        Assert.Throws<ArgumentOutOfRangeException>(() => CognitoFirstFactors.ToWireName((CognitoFirstFactor)99));
    }

    [Fact]
    public void Challenge_EmailOtp_ExposesMaskedDelivery()
    {
        var challenge = new CognitoChallenge("EMAIL_OTP", "s", "u", new Dictionary<string, string>
        {
            ["CODE_DELIVERY_DELIVERY_MEDIUM"] = "EMAIL",
            ["CODE_DELIVERY_DESTINATION"] = "a***@e***",
        });

        Assert.Equal(CognitoChallengeName.EmailOtp, challenge.ChallengeName);
        Assert.Equal("EMAIL", challenge.CodeDelivery?.DeliveryMedium);
        Assert.Equal("a***@e***", challenge.CodeDelivery?.Destination);
        Assert.Null(challenge.CredentialRequestOptionsJson);
    }

    [Fact]
    public void Challenge_WebAuthn_ExposesRequestOptionsJson()
    {
        const string options = """{"challenge":"abc","rpId":"localhost"}""";
        var challenge = new CognitoChallenge("WEB_AUTHN", "s", "u", new Dictionary<string, string> { ["CREDENTIAL_REQUEST_OPTIONS"] = options });

        Assert.Equal(CognitoChallengeName.WebAuthn, challenge.ChallengeName);
        Assert.Equal(options, challenge.CredentialRequestOptionsJson);
        Assert.Null(challenge.CodeDelivery);
    }

    [Fact]
    public void Challenge_SelectChallenge_KeepsAvailableChallenges()
    {
        var challenge = new CognitoChallenge("SELECT_CHALLENGE", "s", "u", new Dictionary<string, string>())
        {
            AvailableChallenges = ["EMAIL_OTP", "WEB_AUTHN", "PASSWORD_SRP"],
        };

        Assert.Equal(CognitoChallengeName.SelectChallenge, challenge.ChallengeName);
        Assert.Equal(["EMAIL_OTP", "WEB_AUTHN", "PASSWORD_SRP"], challenge.AvailableChallenges);
    }

    [Fact]
    public void Response_SelectChallenge_RefusesPasswordFactors()
    {
        Assert.Throws<ArgumentException>(() => CognitoChallengeResponse.SelectChallenge(CognitoFirstFactor.Password));
        Assert.Throws<ArgumentException>(() => CognitoChallengeResponse.SelectChallenge(CognitoFirstFactor.PasswordSrp));
        Assert.NotNull(CognitoChallengeResponse.SelectChallenge(CognitoFirstFactor.EmailOtp));
    }

    [Fact]
    public void Response_WebAuthn_RequiresJsonObject()
    {
        Assert.Throws<ArgumentException>(() => CognitoChallengeResponse.WebAuthn("not-json"));
        Assert.Throws<ArgumentException>(() => CognitoChallengeResponse.WebAuthn(string.Empty));
        Assert.NotNull(CognitoChallengeResponse.WebAuthn("""{"id":"x"}"""));
    }

    [Fact]
    public void UserAuthRequest_ToString_NeverPrintsPassword()
    {
        var request = new CognitoUserAuthRequest("alice@example.com") { PreferredFirstFactor = CognitoFirstFactor.Password, Password = "S3cret-pw!" };

        Assert.DoesNotContain("S3cret-pw!", request.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("alice", request.ToString(), StringComparison.Ordinal);
    }
}
