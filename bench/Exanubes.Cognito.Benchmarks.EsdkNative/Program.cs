// One round of the esdk bench inside a Native AOT binary: a fresh Cognito-shaped message, a short warm-up, then the
// reader and the floor for <seconds> each; prints {"reader":..,"readerCpu":..,"floor":..,"floorCpu":..,"native":true}.
// Usage: Exanubes.Cognito.Benchmarks.EsdkNative <seconds>
using System.Globalization;
using System.Runtime.CompilerServices;
using Exanubes.Cognito.Benchmarks.Esdk;
using Exanubes.EncryptionSdk;

var seconds = TimeSpan.FromSeconds(double.Parse(args.Length > 0 ? args[0] : "1", CultureInfo.InvariantCulture));
var fixture = CognitoShapedMessage.Create();
var decryptor = new EncryptionSdkDecryptor(new RawAesKeyring(CognitoShapedMessage.KeyNamespace, CognitoShapedMessage.KeyName, fixture.WrappingKey));
bool Reader() => decryptor.DecryptAsync(fixture.Message).GetAwaiter().GetResult().Plaintext.Length == 6;
bool Floor() => EsdkFloor.Run(fixture);

if (!decryptor.DecryptAsync(fixture.Message).GetAwaiter().GetResult().Plaintext.AsSpan().SequenceEqual(fixture.Code) || !Floor())
{
    Console.Error.WriteLine("esdk (AOT): the reader or the floor did not recover the code");
    return 1;
}

RateMeter.Rate(Reader, TimeSpan.FromSeconds(0.3));
RateMeter.Rate(Floor, TimeSpan.FromSeconds(0.3));
var reader = RateMeter.Rate(Reader, seconds, out var readerCpu);
var floor = RateMeter.Rate(Floor, seconds, out var floorCpu);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{{\"reader\":{reader:F1},\"readerCpu\":{readerCpu:F1},\"floor\":{floor:F1},\"floorCpu\":{floorCpu:F1},\"native\":{(!RuntimeFeature.IsDynamicCodeSupported ? "true" : "false")}}}"));
return 0;
