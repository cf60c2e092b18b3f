using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Exanubes.Cognito.Devices;

/// <summary>
/// Seals a <see cref="CognitoRememberedDevice"/> with ASP.NET Core Data Protection for one user pool and user: the
/// purpose names both, so a payload sealed for one user never opens for another, and the payload expires after
/// <see cref="CognitoDeviceStoreOptions.Lifetime"/>. Both stores keep only sealed payloads.
/// </summary>
internal sealed class CognitoDeviceProtector
{
    private const string Purpose = "Exanubes.Cognito.Devices.RememberedDevice.v1";

    private readonly IDataProtectionProvider _provider;

    public CognitoDeviceProtector(IDataProtectionProvider provider) => _provider = provider;

    /// <summary>A short stable name for a pool and user, safe to show in a cookie name or cache key (no user name in clear).</summary>
    public static string KeyFor(string userPoolId, string username)
    {
        ArgumentException.ThrowIfNullOrEmpty(userPoolId);
        ArgumentException.ThrowIfNullOrEmpty(username);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(userPoolId + "\n" + username));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    public string Protect(string userPoolId, string username, CognitoRememberedDevice device, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(device);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("k", device.DeviceKey);
            writer.WriteString("g", device.DeviceGroupKey);
            writer.WriteString("p", device.DevicePassword);
            writer.WriteEndObject();
        }

        byte[] plain = [];
        try
        {
            plain = buffer.WrittenSpan.ToArray();
            var sealedBytes = ProtectorFor(userPoolId, username).Protect(plain, lifetime);
            return Convert.ToBase64String(sealedBytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }
        finally
        {
            // ArrayBufferWriter.Clear wipes the written bytes; the copy is wiped by hand.
            buffer.Clear();
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>Opens a sealed payload; <see langword="null"/> when it is tampered, expired, sealed for another user or keys rotated away.</summary>
    public CognitoRememberedDevice? Unprotect(string userPoolId, string username, string sealedText)
    {
        byte[] plain;
        try
        {
            var base64 = sealedText.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            plain = ProtectorFor(userPoolId, username).Unprotect(Convert.FromBase64String(base64), out _);
        }
        catch (FormatException)
        {
            return null;
        }
        catch (CryptographicException)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(plain);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("k", out var key) && key.ValueKind == JsonValueKind.String
                && root.TryGetProperty("g", out var group) && group.ValueKind == JsonValueKind.String
                && root.TryGetProperty("p", out var password) && password.ValueKind == JsonValueKind.String
                && key.GetString() is { Length: > 0 } k && group.GetString() is { Length: > 0 } g && password.GetString() is { Length: > 0 } p)
            {
                return new CognitoRememberedDevice(k, g, p);
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    private ITimeLimitedDataProtector ProtectorFor(string userPoolId, string username)
        => _provider.CreateProtector(Purpose, userPoolId, username).ToTimeLimitedDataProtector();
}
