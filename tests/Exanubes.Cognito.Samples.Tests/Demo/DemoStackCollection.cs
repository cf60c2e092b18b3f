namespace Exanubes.Cognito.Samples.Tests.Demo;

/// <summary>The demo tests share one stack and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DemoStackCollection : ICollectionFixture<DemoStackFixture>
{
    public const string Name = "Demo stack";
}
