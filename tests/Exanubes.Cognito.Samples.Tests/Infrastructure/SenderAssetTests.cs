using System.Reflection;
using System.Runtime.Loader;
using Exanubes.Cognito.Sample.Infrastructure;

namespace Exanubes.Cognito.Samples.Tests.Infrastructure;

/// <summary>The asset the stack deploys is the real published sender, and the handler string resolves in it.</summary>
[Collection(CdkCollection.Name)]
public sealed class SenderAssetTests(CognitoStackFixture fixture)
{
    [Fact]
    public void Handler_PublishedSender_ResolvesToStreamInStreamOutMethod()
    {
        var parts = CognitoStack.SenderHandler.Split("::");
        Assert.Equal(3, parts.Length);
        var mainAssembly = Path.Combine(fixture.SenderAssetPath, parts[0] + ".dll");
        var context = new AssetLoadContext(mainAssembly);
        try
        {
            var assembly = context.LoadFromAssemblyPath(mainAssembly);
            var type = assembly.GetType(parts[1], throwOnError: true)!;
            Assert.False(type.IsAbstract);
            Assert.NotNull(type.GetConstructor(Type.EmptyTypes));
            Assert.Equal("CustomEmailSenderFunction", type.BaseType?.Name);

            // The managed runtime refuses overloaded handler methods: exactly one public HandleAsync.
            var method = Assert.Single(type.GetMethods(BindingFlags.Public | BindingFlags.Instance), m => m.Name == parts[2]);
            var parameter = Assert.Single(method.GetParameters());
            Assert.Equal(typeof(Stream).FullName, parameter.ParameterType.FullName);
            Assert.True(method.ReturnType.IsGenericType);
            Assert.Equal(typeof(Task<>).FullName, method.ReturnType.GetGenericTypeDefinition().FullName);
            Assert.Equal(typeof(Stream).FullName, Assert.Single(method.ReturnType.GetGenericArguments()).FullName);
        }
        finally
        {
            context.Unload();
        }
    }

    private sealed class AssetLoadContext(string mainAssembly) : AssemblyLoadContext(isCollectible: true)
    {
        private readonly AssemblyDependencyResolver _resolver = new(mainAssembly);

        protected override Assembly? Load(AssemblyName assemblyName) =>
            _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }
}
