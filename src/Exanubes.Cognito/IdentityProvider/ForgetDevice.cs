namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>ForgetDevice</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ForgetDevice.html"/>).</summary>
internal sealed class ForgetDeviceRequest
{
    public string? AccessToken { get; set; }

    public string DeviceKey { get; set; } = string.Empty;
}

/// <summary>The <c>ForgetDevice</c> response (the action has no output).</summary>
internal sealed class ForgetDeviceResponse
{
}
