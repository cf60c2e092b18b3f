using System.Collections;

namespace Exanubes.Cognito.Lambda;

/// <summary>Where the function reads its environment (a seam for tests and local hosts).</summary>
internal interface IEnvironmentVariables
{
    IEnumerable<KeyValuePair<string, string?>> GetAll();
}

/// <summary>The process environment.</summary>
internal sealed class ProcessEnvironmentVariables : IEnvironmentVariables
{
    public static ProcessEnvironmentVariables Instance { get; } = new();

    public IEnumerable<KeyValuePair<string, string?>> GetAll()
    {
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            yield return new KeyValuePair<string, string?>((string)entry.Key, entry.Value as string);
        }
    }
}

/// <summary>A fixed set of variables.</summary>
internal sealed class FixedEnvironmentVariables(IReadOnlyDictionary<string, string?> variables) : IEnvironmentVariables
{
    public IEnumerable<KeyValuePair<string, string?>> GetAll() => variables;
}
