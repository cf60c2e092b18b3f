using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace Exanubes.Cognito.Lambda;

/// <summary>
/// Signs a raw HTTP request to an AWS service with Signature Version 4 for the senders' providers that speak a service's
/// public API without its SDK (SES v2, SNS): we build the canonical request (method, path, empty query, host, content
/// type, date, token, payload hash) and AWSSDK.Core derives the signing key and signature from it.
/// </summary>
/// <remarks>See <see href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html"/>.</remarks>
internal static class AwsSigV4
{
    /// <summary>Adds <c>X-Amz-Date</c>, <c>X-Amz-Content-SHA256</c>, the session token and <c>Authorization</c> to a request whose body is <paramref name="body"/>.</summary>
    public static void Sign(HttpRequestMessage request, byte[] body, string contentType, ImmutableCredentials credentials, string region, string service, DateTime signedAt)
    {
        var uri = request.RequestUri!;
        var amzDate = signedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var payloadHash = Convert.ToHexStringLower(SHA256.HashData(body));
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-type"] = contentType,
            ["host"] = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port.ToString(CultureInfo.InvariantCulture)}",
            ["x-amz-content-sha256"] = payloadHash,
            ["x-amz-date"] = amzDate,
        };
        if (credentials.UseToken)
        {
            headers["x-amz-security-token"] = credentials.Token;
        }

        var signedHeaders = string.Join(';', headers.Keys);
        var canonical = new StringBuilder()
            .Append(request.Method.Method).Append('\n')
            .Append(uri.AbsolutePath).Append('\n')
            .Append('\n')
            .AppendJoin(string.Empty, headers.Select(h => $"{h.Key}:{h.Value}\n")).Append('\n')
            .Append(signedHeaders).Append('\n')
            .Append(payloadHash)
            .ToString();
        var result = AWS4Signer.ComputeSignature(credentials, region, signedAt, service, signedHeaders, canonical);

        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        request.Headers.TryAddWithoutValidation("X-Amz-Content-SHA256", payloadHash);
        if (credentials.UseToken)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", credentials.Token);
        }

        request.Headers.TryAddWithoutValidation("Authorization", result.ForAuthorizationHeader);
    }
}
