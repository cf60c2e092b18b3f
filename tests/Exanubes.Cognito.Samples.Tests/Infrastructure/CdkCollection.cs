namespace Exanubes.Cognito.Samples.Tests.Infrastructure;

/// <summary>
/// Every CDK test class joins this collection: one jsii runtime, one published sender and one default synthesis are
/// shared (jsii starts Node and loads the CDK library, seconds each time), and the tests run one after another since
/// the jsii client is one process-wide channel.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CdkCollection : ICollectionFixture<CognitoStackFixture>
{
    public const string Name = "CDK";
}
