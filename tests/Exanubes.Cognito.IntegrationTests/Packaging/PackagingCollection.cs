namespace Exanubes.Cognito.IntegrationTests.Packaging;

/// <summary>The packaging tests share one pack of both projects.</summary>
[CollectionDefinition(Name)]
public sealed class PackagingCollection : ICollectionFixture<PackedFeedFixture>
{
    public const string Name = "Packaging";
}
