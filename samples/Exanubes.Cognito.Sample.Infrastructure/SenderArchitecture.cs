namespace Exanubes.Cognito.Sample.Infrastructure;

/// <summary>The processor architecture of the sender function.</summary>
public enum SenderArchitecture
{
    /// <summary>Graviton (<c>arm64</c>): lower price per GB-second. A Native AOT binary for it must be built on arm64.</summary>
    Arm64,

    /// <summary><c>x86_64</c>.</summary>
    X86_64,
}
