using System.Text.Json.Serialization;

namespace Exanubes.Cognito.IdentityProvider;

/// <summary>
/// Source-generated JSON metadata for every wire message (trimming and AOT safe). Property names are the protocol's
/// PascalCase names; null members are omitted, as the AWS SDKs do. Request properties are declared in the API model's
/// member order (the order the AWS JS SDK writes them) and strings are escaped by <see cref="CognitoJsonEncoder"/>, so a
/// request body equals the JS SDK's byte for byte (proven by the wire comparison tests).
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false,
    Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(AdminAddUserToGroupRequest))]
[JsonSerializable(typeof(AdminAddUserToGroupResponse))]
[JsonSerializable(typeof(AdminConfirmSignUpRequest))]
[JsonSerializable(typeof(AdminConfirmSignUpResponse))]
[JsonSerializable(typeof(AdminCreateUserRequest))]
[JsonSerializable(typeof(AdminCreateUserResponse))]
[JsonSerializable(typeof(AdminDeleteUserRequest))]
[JsonSerializable(typeof(AdminDeleteUserResponse))]
[JsonSerializable(typeof(AdminGetUserRequest))]
[JsonSerializable(typeof(AdminGetUserResponse))]
[JsonSerializable(typeof(AdminListGroupsForUserRequest))]
[JsonSerializable(typeof(AdminListGroupsForUserResponse))]
[JsonSerializable(typeof(AdminRemoveUserFromGroupRequest))]
[JsonSerializable(typeof(AdminRemoveUserFromGroupResponse))]
[JsonSerializable(typeof(AdminResetUserPasswordRequest))]
[JsonSerializable(typeof(AdminResetUserPasswordResponse))]
[JsonSerializable(typeof(AdminSetUserPasswordRequest))]
[JsonSerializable(typeof(AdminSetUserPasswordResponse))]
[JsonSerializable(typeof(AdminUserGlobalSignOutRequest))]
[JsonSerializable(typeof(AdminUserGlobalSignOutResponse))]
[JsonSerializable(typeof(AssociateSoftwareTokenRequest))]
[JsonSerializable(typeof(AssociateSoftwareTokenResponse))]
[JsonSerializable(typeof(ChangePasswordRequest))]
[JsonSerializable(typeof(ChangePasswordResponse))]
[JsonSerializable(typeof(ConfirmForgotPasswordRequest))]
[JsonSerializable(typeof(ConfirmForgotPasswordResponse))]
[JsonSerializable(typeof(ConfirmSignUpRequest))]
[JsonSerializable(typeof(ConfirmSignUpResponse))]
[JsonSerializable(typeof(DeleteUserRequest))]
[JsonSerializable(typeof(DeleteUserResponse))]
[JsonSerializable(typeof(ForgotPasswordRequest))]
[JsonSerializable(typeof(ForgotPasswordResponse))]
[JsonSerializable(typeof(GetTokensFromRefreshTokenRequest))]
[JsonSerializable(typeof(GetTokensFromRefreshTokenResponse))]
[JsonSerializable(typeof(GetUserRequest))]
[JsonSerializable(typeof(GetUserResponse))]
[JsonSerializable(typeof(GetUserAttributeVerificationCodeRequest))]
[JsonSerializable(typeof(GetUserAttributeVerificationCodeResponse))]
[JsonSerializable(typeof(GlobalSignOutRequest))]
[JsonSerializable(typeof(GlobalSignOutResponse))]
[JsonSerializable(typeof(InitiateAuthRequest))]
[JsonSerializable(typeof(InitiateAuthResponse))]
[JsonSerializable(typeof(ResendConfirmationCodeRequest))]
[JsonSerializable(typeof(ResendConfirmationCodeResponse))]
[JsonSerializable(typeof(RespondToAuthChallengeRequest))]
[JsonSerializable(typeof(RespondToAuthChallengeResponse))]
[JsonSerializable(typeof(RevokeTokenRequest))]
[JsonSerializable(typeof(RevokeTokenResponse))]
[JsonSerializable(typeof(SetUserMFAPreferenceRequest))]
[JsonSerializable(typeof(SetUserMFAPreferenceResponse))]
[JsonSerializable(typeof(SignUpRequest))]
[JsonSerializable(typeof(SignUpResponse))]
[JsonSerializable(typeof(UpdateUserAttributesRequest))]
[JsonSerializable(typeof(UpdateUserAttributesResponse))]
[JsonSerializable(typeof(VerifySoftwareTokenRequest))]
[JsonSerializable(typeof(VerifySoftwareTokenResponse))]
[JsonSerializable(typeof(VerifyUserAttributeRequest))]
[JsonSerializable(typeof(VerifyUserAttributeResponse))]
internal sealed partial class CognitoJsonContext : JsonSerializerContext
{
}
