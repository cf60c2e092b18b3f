namespace Exanubes.Cognito.Srp;

/// <summary>
/// What remembering a device produces: the device password to keep in the device store, and the
/// <c>DeviceSecretVerifierConfig</c> (salt and password verifier, both base64) to send with <c>ConfirmDevice</c>.
/// </summary>
/// <param name="DevicePassword">The random device password; a secret, never logged.</param>
/// <param name="SaltBase64">The salt, base64 of its padded big-endian bytes.</param>
/// <param name="PasswordVerifierBase64">The verifier <c>g^x mod N</c>, base64 of its padded big-endian bytes.</param>
internal sealed record CognitoDeviceVerifier(string DevicePassword, string SaltBase64, string PasswordVerifierBase64)
{
    /// <summary>Prints the public parts only: the device password never reaches a log.</summary>
    /// <returns>A redacted description.</returns>
    public override string ToString() => $"CognitoDeviceVerifier {{ Salt = {SaltBase64}, DevicePassword = *** }}";
}
