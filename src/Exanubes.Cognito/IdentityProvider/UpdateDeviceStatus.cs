namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>UpdateDeviceStatus</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateDeviceStatus.html"/>).</summary>
internal sealed class UpdateDeviceStatusRequest
{
    public string AccessToken { get; set; } = string.Empty;

    public string DeviceKey { get; set; } = string.Empty;

    /// <summary><c>remembered</c> or <c>not_remembered</c>.</summary>
    public string? DeviceRememberedStatus { get; set; }
}

/// <summary>The <c>UpdateDeviceStatus</c> response (empty).</summary>
internal sealed class UpdateDeviceStatusResponse
{
}
