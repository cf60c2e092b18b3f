using System.Net;
using Exanubes.Cognito.Telemetry;
using Exanubes.Cognito.Tokens;

namespace Exanubes.Cognito.Tests.Telemetry;

/// <summary>The tag values the instruments use: fixed words and Cognito's error codes, never free text from a response.</summary>
public sealed class CognitoInstrumentationTests
{
    [Theory]
    [InlineData(CognitoErrorCode.CodeMismatch, "CodeMismatchException", "CodeMismatchException")]
    [InlineData(CognitoErrorCode.Unknown, "SomeNewException", "SomeNewException")]
    [InlineData(CognitoErrorCode.Unknown, "ResponseTooLarge", "ResponseTooLarge")]
    [InlineData(CognitoErrorCode.Unknown, "password=hunter2", "Unknown")]
    [InlineData(CognitoErrorCode.Unknown, "Error with spaces", "Unknown")]
    [InlineData(CognitoErrorCode.Unknown, "", "Unknown")]
    public void ErrorCode_ErrorType_IsKnownCodeOrPlainNameOrUnknown(CognitoErrorCode code, string type, string expected)
    {
        Assert.Equal(expected, CognitoInstrumentation.ErrorCode(new CognitoError(code, type, "message", HttpStatusCode.BadRequest)));
    }

    [Fact]
    public void ErrorCode_UnknownTypeLongerThan64_IsUnknown()
    {
        Assert.Equal("Unknown", CognitoInstrumentation.ErrorCode(new CognitoError(CognitoErrorCode.Unknown, new string('A', 65), string.Empty, HttpStatusCode.BadRequest)));
    }

    public static TheoryData<CognitoTokenValidationException, string> Failures() => new()
    {
        { new CognitoTokenExpiredException("m", "e", "a"), "expired" },
        { new CognitoTokenNotYetValidException("m", "e", "a"), "not_yet_valid" },
        { new CognitoTokenLifetimeException("m", "e", "a"), "lifetime" },
        { new CognitoTokenSignatureException("m", "e", "a"), "signature" },
        { new CognitoTokenIssuerException("m", "e", "a"), "issuer" },
        { new CognitoTokenClientException("m", "e", "a"), "client" },
        { new CognitoTokenUseException("m", "e", "a"), "token_use" },
        { new CognitoSigningKeyNotFoundException("m", "e", "a"), "key_not_found" },
        { new CognitoTokenMalformedException("m", "e", "a"), "malformed" },
        { new CognitoTokenRevokedException("m", "e", "a"), "revoked" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Outcome_Failure_NamesTheFailedCheck(CognitoTokenValidationException failure, string expected)
    {
        Assert.Equal(expected, CognitoInstrumentation.Outcome(failure));
    }
}
