using Microsoft.Extensions.Logging;

namespace Exanubes.Cognito;

/// <summary>Log messages of the remembered-device stores (event ids 4500-4599). Never a device password, group key or user name.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4500, Level = LogLevel.Debug, Message = "Kept a remembered device of user pool {UserPoolId} in the {Store}")]
    public static partial void DeviceSaved(ILogger logger, string userPoolId, string store);

    [LoggerMessage(EventId = 4501, Level = LogLevel.Warning, Message = "A remembered device of user pool {UserPoolId} in the {Store} could not be opened (tampered, expired, or its keys are gone); it is ignored and removed")]
    public static partial void DeviceUnreadable(ILogger logger, string userPoolId, string store);

    [LoggerMessage(EventId = 4502, Level = LogLevel.Debug, Message = "Forgot a remembered device of user pool {UserPoolId} in the {Store}")]
    public static partial void DeviceRemoved(ILogger logger, string userPoolId, string store);

    [LoggerMessage(EventId = 4503, Level = LogLevel.Debug, Message = "Answering DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER for a remembered device")]
    public static partial void AnsweringDeviceChallenges(ILogger logger);

    [LoggerMessage(EventId = 4504, Level = LogLevel.Information, Message = "Cognito no longer knows the remembered device (forgotten elsewhere); it is dropped and the sign-in continues without it")]
    public static partial void RememberedDeviceUnknown(ILogger logger);
}
