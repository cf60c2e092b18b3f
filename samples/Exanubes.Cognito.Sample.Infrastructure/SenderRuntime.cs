namespace Exanubes.Cognito.Sample.Infrastructure;

/// <summary>How the sender function runs on Lambda.</summary>
public enum SenderRuntime
{
    /// <summary>The managed .NET 10 runtime (<c>dotnet10</c>) with the class-library handler; portable, arm64.</summary>
    Managed,

    /// <summary>
    /// A Native AOT binary named <c>bootstrap</c> on the OS-only runtime <c>provided.al2023</c>, running the Lambda
    /// Runtime API loop itself; the fastest cold start. Build it on the target architecture (see README).
    /// </summary>
    NativeAot,
}
