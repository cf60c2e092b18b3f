using System.Net;
using System.Text;
using Exanubes.Cognito.IdentityProvider;

namespace Exanubes.Cognito.Tests.IdentityProvider;

public sealed class CognitoErrorMapperTests
{
    public static TheoryData<CognitoErrorCode> KnownCodes => [.. Enum.GetValues<CognitoErrorCode>().Where(c => c != CognitoErrorCode.Unknown)];

    [Theory]
    [MemberData(nameof(KnownCodes))]
    public void ToCode_EveryKnownCode_HasAWireType(CognitoErrorCode code)
    {
        var wireType = code.ToString() switch
        {
            "MfaMethodNotFound" => "MFAMethodNotFoundException",
            "SoftwareTokenMfaNotFound" => "SoftwareTokenMFANotFoundException",
            "EnableSoftwareTokenMfa" => "EnableSoftwareTokenMFAException",
            "IncompleteSignature" => "IncompleteSignature",
            "InvalidClientTokenId" => "InvalidClientTokenId",
            "MissingAuthenticationToken" => "MissingAuthenticationToken",
            "InvalidSignature" => "SignatureDoesNotMatch",
            "RequestExpired" => "RequestExpired",
            "ServiceUnavailable" => "ServiceUnavailable",
            "ValidationError" => "ValidationError",
            var name => name + "Exception",
        };

        Assert.Equal(code, CognitoErrorMapper.ToCode(wireType));
    }

    [Theory]
    [InlineData("NotAuthorizedException", "NotAuthorizedException")]
    [InlineData("com.amazonaws.cognito.identity.idp.model#NotAuthorizedException", "NotAuthorizedException")]
    [InlineData("aws.cognito#CodeMismatchException:http://internal.amazon.com/coral/", "CodeMismatchException")]
    [InlineData("TooManyRequestsException:", "TooManyRequestsException")]
    [InlineData("  UserNotFoundException  ", "UserNotFoundException")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void StripType_Variants_LeaveBareName(string? raw, string expected) =>
        Assert.Equal(expected, CognitoErrorMapper.StripType(raw));

    [Fact]
    public void FromResponse_UnknownType_IsPreservedAsUnknown()
    {
        var error = CognitoErrorMapper.FromResponse(HttpStatusCode.BadRequest, Encoding.UTF8.GetBytes("""{"__type":"BrandNewException","message":"m"}"""), null);

        Assert.Equal(CognitoErrorCode.Unknown, error.Code);
        Assert.Equal("BrandNewException", error.Type);
        Assert.Equal("m", error.Message);
    }

    [Fact]
    public void FromResponse_BodyTypeWinsOverHeader()
    {
        var error = CognitoErrorMapper.FromResponse(HttpStatusCode.BadRequest, Encoding.UTF8.GetBytes("""{"__type":"ExpiredCodeException"}"""), "CodeMismatchException:");

        Assert.Equal(CognitoErrorCode.ExpiredCode, error.Code);
        Assert.Equal(string.Empty, error.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "InternalErrorException", CognitoErrorCode.InternalError)]
    [InlineData(HttpStatusCode.Forbidden, "Http403", CognitoErrorCode.Unknown)]
    public void FromResponse_NoTypeAnywhere_FallsBackOnStatus(HttpStatusCode status, string type, CognitoErrorCode code)
    {
        var error = CognitoErrorMapper.FromResponse(status, [], null);

        Assert.Equal(type, error.Type);
        Assert.Equal(code, error.Code);
        Assert.Equal(status, error.StatusCode);
    }
}
