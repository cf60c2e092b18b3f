using Amazon;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace Exanubes.Cognito.EmailSender.IntegrationTests.Support;

/// <summary>Stands in for SSM Parameter Store at the IAmazonSimpleSystemsManagement boundary (no network).</summary>
public sealed class FakeSimpleSystemsManagement(IDictionary<string, string> secureStrings)
    : AmazonSimpleSystemsManagementClient(new BasicAWSCredentials("AKIDFAKE", "fake-secret"), new AmazonSimpleSystemsManagementConfig { RegionEndpoint = RegionEndpoint.EUWest1 })
{
    public List<GetParameterRequest> Requests { get; } = [];

    public override Task<GetParameterResponse> GetParameterAsync(GetParameterRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Requests.Add(request);
        if (!secureStrings.TryGetValue(request.Name, out var value))
        {
            throw new ParameterNotFoundException($"Parameter {request.Name} not found.");
        }

        return Task.FromResult(new GetParameterResponse
        {
            Parameter = new Parameter { Name = request.Name, Type = ParameterType.SecureString, Value = request.WithDecryption == true ? value : "AQICAHencrypted" },
        });
    }
}
