namespace Exanubes.Cognito;

/// <summary>
/// The error Amazon Cognito reported, from the <c>__type</c> of its JSON error body (or the <c>x-amzn-ErrorType</c>
/// header) with the namespace prefix and the <c>Exception</c> suffix removed. Covers every error documented for the
/// user-pool actions this library calls.
/// </summary>
/// <remarks>
/// A code Cognito adds later maps to <see cref="Unknown"/>; the raw type is kept in <see cref="CognitoError.Type"/>.
/// See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/CommonErrors.html"/>.
/// </remarks>
public enum CognitoErrorCode
{
    /// <summary>An error type this library does not know; see <see cref="CognitoError.Type"/>.</summary>
    Unknown = 0,

    /// <summary><c>AliasExistsException</c>: the email or phone number is already an alias of another user.</summary>
    AliasExists,

    /// <summary><c>CodeDeliveryFailureException</c>: Cognito could not deliver the verification code.</summary>
    CodeDeliveryFailure,

    /// <summary><c>CodeMismatchException</c>: the confirmation or verification code is wrong.</summary>
    CodeMismatch,

    /// <summary><c>ConcurrentModificationException</c>: another request changed the same resource.</summary>
    ConcurrentModification,

    /// <summary><c>DeviceKeyExistsException</c>: the device key is already registered.</summary>
    DeviceKeyExists,

    /// <summary><c>ExpiredCodeException</c>: the code has expired; request a new one.</summary>
    ExpiredCode,

    /// <summary><c>ForbiddenException</c>: AWS WAF or a user-pool setting rejected the request.</summary>
    Forbidden,

    /// <summary><c>GroupExistsException</c>: a group with that name already exists.</summary>
    GroupExists,

    /// <summary><c>InternalErrorException</c>: Cognito failed internally.</summary>
    InternalError,

    /// <summary><c>InvalidEmailRoleAccessPolicyException</c>: Cognito may not use the configured email identity.</summary>
    InvalidEmailRoleAccessPolicy,

    /// <summary><c>InvalidLambdaResponseException</c>: a Lambda trigger returned an invalid response.</summary>
    InvalidLambdaResponse,

    /// <summary><c>InvalidParameterException</c>: a parameter is missing or malformed.</summary>
    InvalidParameter,

    /// <summary><c>InvalidPasswordException</c>: the password does not meet the pool's password policy.</summary>
    InvalidPassword,

    /// <summary><c>InvalidSmsRoleAccessPolicyException</c>: the SMS role cannot publish.</summary>
    InvalidSmsRoleAccessPolicy,

    /// <summary><c>InvalidSmsRoleTrustRelationshipException</c>: the SMS role does not trust Cognito.</summary>
    InvalidSmsRoleTrustRelationship,

    /// <summary><c>InvalidUserPoolConfigurationException</c>: the user pool is misconfigured for this action.</summary>
    InvalidUserPoolConfiguration,

    /// <summary><c>LimitExceededException</c>: a per-user or per-pool limit was exceeded (for example code requests).</summary>
    LimitExceeded,

    /// <summary><c>MFAMethodNotFoundException</c>: no MFA method is set up for the user.</summary>
    MfaMethodNotFound,

    /// <summary><c>NotAuthorizedException</c>: wrong credentials, a revoked or expired token, or a disallowed flow.</summary>
    NotAuthorized,

    /// <summary><c>PasswordHistoryPolicyViolationException</c>: the new password was used recently.</summary>
    PasswordHistoryPolicyViolation,

    /// <summary><c>PasswordResetRequiredException</c>: the user must reset the password before signing in.</summary>
    PasswordResetRequired,

    /// <summary><c>PreconditionNotMetException</c>: a precondition of the request did not hold.</summary>
    PreconditionNotMet,

    /// <summary><c>RefreshTokenReuseException</c>: a rotated refresh token was used again.</summary>
    RefreshTokenReuse,

    /// <summary><c>ResourceNotFoundException</c>: the user pool, app client or group does not exist.</summary>
    ResourceNotFound,

    /// <summary><c>SoftwareTokenMFANotFoundException</c>: no software token (TOTP) is set up for the user.</summary>
    SoftwareTokenMfaNotFound,

    /// <summary><c>TooManyFailedAttemptsException</c>: too many failed attempts; try again later.</summary>
    TooManyFailedAttempts,

    /// <summary><c>TooManyRequestsException</c>: the request was throttled.</summary>
    TooManyRequests,

    /// <summary><c>UnauthorizedException</c>: the request is not authorized (token revocation).</summary>
    Unauthorized,

    /// <summary><c>UnexpectedLambdaException</c>: a Lambda trigger failed unexpectedly.</summary>
    UnexpectedLambda,

    /// <summary><c>UnsupportedOperationException</c>: the operation is not supported for this client or token.</summary>
    UnsupportedOperation,

    /// <summary><c>UnsupportedTokenTypeException</c>: the token type cannot be revoked.</summary>
    UnsupportedTokenType,

    /// <summary><c>UnsupportedUserStateException</c>: the user is in a state that does not allow the action.</summary>
    UnsupportedUserState,

    /// <summary><c>UserLambdaValidationException</c>: a Lambda trigger rejected the request.</summary>
    UserLambdaValidation,

    /// <summary><c>UserNotConfirmedException</c>: the user has not confirmed the sign-up.</summary>
    UserNotConfirmed,

    /// <summary><c>UserNotFoundException</c>: the user does not exist.</summary>
    UserNotFound,

    /// <summary><c>UserPoolAddOnNotEnabledException</c>: the feature needs the pool's advanced security add-on.</summary>
    UserPoolAddOnNotEnabled,

    /// <summary><c>UsernameExistsException</c>: a user with that username already exists.</summary>
    UsernameExists,

    /// <summary><c>WebAuthnNotEnabledException</c>: passkeys are not enabled for the pool.</summary>
    WebAuthnNotEnabled,

    /// <summary><c>AccessDeniedException</c>: the IAM credentials lack permission for an admin action.</summary>
    AccessDenied,

    /// <summary><c>IncompleteSignature</c>: the SigV4 signature of an admin call is incomplete.</summary>
    IncompleteSignature,

    /// <summary><c>InvalidClientTokenId</c> or <c>UnrecognizedClientException</c>: unknown IAM access key.</summary>
    InvalidClientTokenId,

    /// <summary><c>MissingAuthenticationToken</c>: an admin call was not signed.</summary>
    MissingAuthenticationToken,

    /// <summary><c>SignatureDoesNotMatch</c> or <c>InvalidSignatureException</c>: the SigV4 signature is wrong.</summary>
    InvalidSignature,

    /// <summary><c>RequestExpired</c>: the signed request is too old.</summary>
    RequestExpired,

    /// <summary><c>ThrottlingException</c>: the AWS request rate was exceeded.</summary>
    Throttling,

    /// <summary><c>ServiceUnavailable</c>: Cognito is temporarily unavailable.</summary>
    ServiceUnavailable,

    /// <summary><c>ValidationError</c> or <c>ValidationException</c>: the request failed AWS input validation.</summary>
    ValidationError,

    /// <summary><c>EnableSoftwareTokenMFAException</c>: the TOTP code did not verify, so the software token was not enabled.</summary>
    EnableSoftwareTokenMfa,

    /// <summary>
    /// <c>FeatureUnavailableInTierException</c>: the feature needs a higher user-pool feature plan;
    /// <see cref="CognitoError.RequiredTier"/> names the plan when the library knows the feature.
    /// </summary>
    FeatureUnavailableInTier,

    /// <summary><c>WebAuthnConfigurationMissingException</c>: the pool has no relying-party id and no domain for passkeys.</summary>
    WebAuthnConfigurationMissing,

    /// <summary><c>WebAuthnChallengeNotFoundException</c>: the passkey registration challenge expired or was never issued; start again.</summary>
    WebAuthnChallengeNotFound,

    /// <summary><c>WebAuthnRelyingPartyMismatchException</c>: the passkey belongs to another relying-party id than the pool's.</summary>
    WebAuthnRelyingPartyMismatch,

    /// <summary><c>WebAuthnClientMismatchException</c>: the access token is for another app client than the one that started registration.</summary>
    WebAuthnClientMismatch,

    /// <summary><c>WebAuthnOriginNotAllowedException</c>: the passkey's origin does not match the pool's relying-party id.</summary>
    WebAuthnOriginNotAllowed,

    /// <summary><c>WebAuthnCredentialNotSupportedException</c>: the authenticator or passkey provider is not supported.</summary>
    WebAuthnCredentialNotSupported,
}
