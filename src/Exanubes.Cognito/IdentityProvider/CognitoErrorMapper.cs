using System.Net;
using System.Text.Json;

namespace Exanubes.Cognito.IdentityProvider;

/// <summary>
/// Turns an error response of the JSON 1.1 protocol into a <see cref="CognitoError"/>: the type comes from the body's
/// <c>__type</c> (or <c>code</c>), else the <c>x-amzn-ErrorType</c> header; a namespace prefix
/// (<c>com.amazonaws...#</c>) and anything after <c>:</c> are stripped.
/// </summary>
internal static class CognitoErrorMapper
{
    private static readonly Dictionary<string, CognitoErrorCode> Codes = new(StringComparer.Ordinal)
    {
        ["AliasExistsException"] = CognitoErrorCode.AliasExists,
        ["CodeDeliveryFailureException"] = CognitoErrorCode.CodeDeliveryFailure,
        ["CodeMismatchException"] = CognitoErrorCode.CodeMismatch,
        ["ConcurrentModificationException"] = CognitoErrorCode.ConcurrentModification,
        ["DeviceKeyExistsException"] = CognitoErrorCode.DeviceKeyExists,
        ["EnableSoftwareTokenMFAException"] = CognitoErrorCode.EnableSoftwareTokenMfa,
        ["ExpiredCodeException"] = CognitoErrorCode.ExpiredCode,
        ["FeatureUnavailableInTierException"] = CognitoErrorCode.FeatureUnavailableInTier,
        ["ForbiddenException"] = CognitoErrorCode.Forbidden,
        ["GroupExistsException"] = CognitoErrorCode.GroupExists,
        ["InternalErrorException"] = CognitoErrorCode.InternalError,
        ["InternalFailure"] = CognitoErrorCode.InternalError,
        ["InvalidEmailRoleAccessPolicyException"] = CognitoErrorCode.InvalidEmailRoleAccessPolicy,
        ["InvalidLambdaResponseException"] = CognitoErrorCode.InvalidLambdaResponse,
        ["InvalidParameterException"] = CognitoErrorCode.InvalidParameter,
        ["InvalidParameterValue"] = CognitoErrorCode.InvalidParameter,
        ["InvalidParameterCombination"] = CognitoErrorCode.InvalidParameter,
        ["MissingParameter"] = CognitoErrorCode.InvalidParameter,
        ["InvalidPasswordException"] = CognitoErrorCode.InvalidPassword,
        ["InvalidSmsRoleAccessPolicyException"] = CognitoErrorCode.InvalidSmsRoleAccessPolicy,
        ["InvalidSmsRoleTrustRelationshipException"] = CognitoErrorCode.InvalidSmsRoleTrustRelationship,
        ["InvalidUserPoolConfigurationException"] = CognitoErrorCode.InvalidUserPoolConfiguration,
        ["LimitExceededException"] = CognitoErrorCode.LimitExceeded,
        ["MFAMethodNotFoundException"] = CognitoErrorCode.MfaMethodNotFound,
        ["NotAuthorizedException"] = CognitoErrorCode.NotAuthorized,
        ["NotAuthorized"] = CognitoErrorCode.NotAuthorized,
        ["PasswordHistoryPolicyViolationException"] = CognitoErrorCode.PasswordHistoryPolicyViolation,
        ["PasswordResetRequiredException"] = CognitoErrorCode.PasswordResetRequired,
        ["PreconditionNotMetException"] = CognitoErrorCode.PreconditionNotMet,
        ["RefreshTokenReuseException"] = CognitoErrorCode.RefreshTokenReuse,
        ["ResourceNotFoundException"] = CognitoErrorCode.ResourceNotFound,
        ["SoftwareTokenMFANotFoundException"] = CognitoErrorCode.SoftwareTokenMfaNotFound,
        ["TooManyFailedAttemptsException"] = CognitoErrorCode.TooManyFailedAttempts,
        ["TooManyRequestsException"] = CognitoErrorCode.TooManyRequests,
        ["UnauthorizedException"] = CognitoErrorCode.Unauthorized,
        ["UnexpectedLambdaException"] = CognitoErrorCode.UnexpectedLambda,
        ["UnsupportedOperationException"] = CognitoErrorCode.UnsupportedOperation,
        ["UnsupportedTokenTypeException"] = CognitoErrorCode.UnsupportedTokenType,
        ["UnsupportedUserStateException"] = CognitoErrorCode.UnsupportedUserState,
        ["UserLambdaValidationException"] = CognitoErrorCode.UserLambdaValidation,
        ["UserNotConfirmedException"] = CognitoErrorCode.UserNotConfirmed,
        ["UserNotFoundException"] = CognitoErrorCode.UserNotFound,
        ["UserPoolAddOnNotEnabledException"] = CognitoErrorCode.UserPoolAddOnNotEnabled,
        ["UsernameExistsException"] = CognitoErrorCode.UsernameExists,
        ["WebAuthnNotEnabledException"] = CognitoErrorCode.WebAuthnNotEnabled,
        ["WebAuthnConfigurationMissingException"] = CognitoErrorCode.WebAuthnConfigurationMissing,
        ["WebAuthnChallengeNotFoundException"] = CognitoErrorCode.WebAuthnChallengeNotFound,
        ["WebAuthnRelyingPartyMismatchException"] = CognitoErrorCode.WebAuthnRelyingPartyMismatch,
        ["WebAuthnClientMismatchException"] = CognitoErrorCode.WebAuthnClientMismatch,
        ["WebAuthnOriginNotAllowedException"] = CognitoErrorCode.WebAuthnOriginNotAllowed,
        ["WebAuthnCredentialNotSupportedException"] = CognitoErrorCode.WebAuthnCredentialNotSupported,
        ["AccessDeniedException"] = CognitoErrorCode.AccessDenied,
        ["IncompleteSignature"] = CognitoErrorCode.IncompleteSignature,
        ["IncompleteSignatureException"] = CognitoErrorCode.IncompleteSignature,
        ["InvalidClientTokenId"] = CognitoErrorCode.InvalidClientTokenId,
        ["UnrecognizedClientException"] = CognitoErrorCode.InvalidClientTokenId,
        ["MissingAuthenticationToken"] = CognitoErrorCode.MissingAuthenticationToken,
        ["MissingAuthenticationTokenException"] = CognitoErrorCode.MissingAuthenticationToken,
        ["SignatureDoesNotMatch"] = CognitoErrorCode.InvalidSignature,
        ["InvalidSignatureException"] = CognitoErrorCode.InvalidSignature,
        ["RequestExpired"] = CognitoErrorCode.RequestExpired,
        ["ThrottlingException"] = CognitoErrorCode.Throttling,
        ["Throttling"] = CognitoErrorCode.Throttling,
        ["ServiceUnavailable"] = CognitoErrorCode.ServiceUnavailable,
        ["ServiceUnavailableException"] = CognitoErrorCode.ServiceUnavailable,
        ["ValidationError"] = CognitoErrorCode.ValidationError,
        ["ValidationException"] = CognitoErrorCode.ValidationError,
    };

    /// <summary>The error type without namespace prefix or <c>:</c> suffix (<c>aws.protocoltests#FooError:http://...</c> becomes <c>FooError</c>).</summary>
    public static string StripType(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return string.Empty;
        }

        var type = raw.Trim();
        var colon = type.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            type = type[..colon];
        }

        var hash = type.LastIndexOf('#');
        if (hash >= 0)
        {
            type = type[(hash + 1)..];
        }

        return type.Trim();
    }

    /// <summary>The typed code for a stripped error type; <see cref="CognitoErrorCode.Unknown"/> when not known.</summary>
    public static CognitoErrorCode ToCode(string type) =>
        Codes.TryGetValue(type, out var code) ? code : CognitoErrorCode.Unknown;

    /// <summary>Reads an error from a response body and headers.</summary>
    public static CognitoError FromResponse(HttpStatusCode status, ReadOnlySpan<byte> body, string? errorTypeHeader)
    {
        string? rawType = null;
        string? message = null;
        if (!body.IsEmpty)
        {
            try
            {
                var error = JsonSerializer.Deserialize(body, CognitoJsonContext.Default.ErrorBody);
                rawType = error?.Type;
                message = error?.Message ?? error?.MessageUpper;
            }
            catch (JsonException)
            {
                // not JSON (a proxy's HTML page, say): fall back to the header and status
            }
        }

        var type = StripType(string.IsNullOrWhiteSpace(rawType) ? errorTypeHeader : rawType);
        if (type.Length == 0)
        {
            type = (int)status >= 500 ? "InternalErrorException" : $"Http{(int)status}";
        }

        return new CognitoError(ToCode(type), type, message ?? string.Empty, status);
    }
}
