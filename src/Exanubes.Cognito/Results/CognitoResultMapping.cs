using System.Buffers.Text;
using System.Text.Json;
using Exanubes.Cognito.IdentityProvider;

namespace Exanubes.Cognito;

/// <summary>Maps wire responses to the public result types.</summary>
internal static class CognitoResultMapping
{
    public static CognitoResult ToResult<T>(this CognitoResult<T> result)
        where T : class
        => result.Succeeded ? CognitoResult.Success : CognitoResult.Failure(result.Error);

    public static CognitoResult<TOut> Map<TIn, TOut>(this CognitoResult<TIn> result, Func<TIn, TOut> map)
        where TIn : class
        where TOut : class
        => result.Succeeded ? CognitoResult<TOut>.Success(map(result.Value)) : CognitoResult<TOut>.Failure(result.Error);

    /// <summary>
    /// Names the feature plan <paramref name="tier"/> on a <see cref="CognitoErrorCode.FeatureUnavailableInTier"/>
    /// failure; other results pass unchanged.
    /// </summary>
    public static CognitoResult<T> ForTier<T>(this CognitoResult<T> result, CognitoFeatureTier tier)
        where T : class
        => result.Error is { Code: CognitoErrorCode.FeatureUnavailableInTier } error
            ? CognitoResult<T>.Failure(new CognitoError(error.Code, error.Type, error.Message, error.StatusCode) { RequiredTier = tier })
            : result;

    public static CognitoCodeDelivery ToDelivery(CodeDeliveryDetailsType? details) =>
        new(details?.Destination, details?.DeliveryMedium, details?.AttributeName);

    public static Dictionary<string, string> ToDictionary(List<AttributeType>? attributes)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in attributes ?? [])
        {
            result[attribute.Name] = attribute.Value ?? string.Empty;
        }

        return result;
    }

    public static List<AttributeType>? ToAttributes(IReadOnlyDictionary<string, string>? attributes) =>
        attributes is null || attributes.Count == 0
            ? null
            : attributes.Select(a => new AttributeType { Name = a.Key, Value = a.Value }).ToList();

    public static Dictionary<string, string>? ToMetadata(IReadOnlyDictionary<string, string>? metadata) =>
        metadata is null || metadata.Count == 0 ? null : new Dictionary<string, string>(metadata, StringComparer.Ordinal);

    public static CognitoTokens ToTokens(AuthenticationResultType result, string? fallbackUsername = null) => new(
        result.AccessToken!,
        result.IdToken,
        result.RefreshToken,
        result.TokenType ?? "Bearer",
        TimeSpan.FromSeconds(result.ExpiresIn),
        ReadUsernameClaim(result.AccessToken) ?? fallbackUsername)
    {
        NewDevice = result.NewDeviceMetadata is { DeviceKey: { Length: > 0 } key, DeviceGroupKey: { Length: > 0 } group }
            ? new Devices.CognitoNewDevice(key, group)
            : null,
    };

    /// <summary>
    /// Reads the <c>username</c> claim (or <c>cognito:username</c>) from a JWT issued by Cognito in the response we
    /// just received, without validating it: used only to compute SECRET_HASH for a later refresh, never for an
    /// authorization decision.
    /// </summary>
    public static string? ReadUsernameClaim(string? jwt)
    {
        if (string.IsNullOrEmpty(jwt))
        {
            return null;
        }

        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(parts[1]);
            using var document = JsonDocument.Parse(payload);
            foreach (var name in (ReadOnlySpan<string>)["username", "cognito:username"])
            {
                if (document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString();
                }
            }
        }
        catch (FormatException)
        {
        }
        catch (JsonException)
        {
        }

        return null;
    }

    public static CognitoUser ToUser(GetUserResponse response) => new(response.Username ?? string.Empty, ToDictionary(response.UserAttributes))
    {
        PreferredMfaSetting = response.PreferredMfaSetting,
        MfaSettings = response.UserMfaSettingList ?? [],
    };

    public static CognitoUser ToUser(AdminGetUserResponse response) => new(response.Username ?? string.Empty, ToDictionary(response.UserAttributes))
    {
        PreferredMfaSetting = response.PreferredMfaSetting,
        MfaSettings = response.UserMfaSettingList ?? [],
        UserStatus = response.UserStatus,
        Enabled = response.Enabled,
        CreatedAt = response.UserCreateDate,
        LastModifiedAt = response.UserLastModifiedDate,
    };

    public static CognitoUser ToUser(UserType? user) => new(user?.Username ?? string.Empty, ToDictionary(user?.Attributes))
    {
        UserStatus = user?.UserStatus,
        Enabled = user?.Enabled,
        CreatedAt = user?.UserCreateDate,
        LastModifiedAt = user?.UserLastModifiedDate,
    };

    public static CognitoGroup ToGroup(GroupType group) => new(group.GroupName ?? string.Empty)
    {
        Description = group.Description,
        Precedence = group.Precedence,
        RoleArn = group.RoleArn,
    };
}
