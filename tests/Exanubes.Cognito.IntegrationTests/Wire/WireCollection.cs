namespace Exanubes.Cognito.IntegrationTests.Wire;

/// <summary>The wire tests share one run of every case through the JS SDK and our client.</summary>
[CollectionDefinition(Name)]
public sealed class WireCollection : ICollectionFixture<WireFixture>
{
    public const string Name = "Wire";
}
