using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Exanubes.Cognito.Benchmarks.Esdk;

/// <summary>Runs js-decrypt-rate.cjs (the official JS ESDK from peers/) on the same message, for a same-conditions comparison.</summary>
internal sealed class JsReference
{
    private readonly string _node;
    private readonly string _script;
    private readonly string _nodeModules;
    private readonly CognitoShapedMessage _fixture;

    private JsReference(string node, string script, string nodeModules, CognitoShapedMessage fixture)
    {
        _node = node;
        _script = script;
        _nodeModules = nodeModules;
        _fixture = fixture;
    }

    public static JsReference? TryCreate(CognitoShapedMessage fixture, out string problem)
    {
        var root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "Exanubes.Cognito.sln")))
        {
            root = Path.GetDirectoryName(root);
        }

        var node = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "node")).FirstOrDefault(File.Exists);
        var nodeModules = root is null ? null : Path.Combine(root, "peers", "node_modules");
        if (root is null || node is null || !Directory.Exists(Path.Combine(nodeModules!, "@aws-crypto", "client-node")))
        {
            problem = "needs node on PATH and peers/node_modules (cd peers && npm ci)";
            return null;
        }

        problem = string.Empty;
        return new JsReference(node, Path.Combine(root, "bench", "Exanubes.Cognito.Benchmarks", "Esdk", "js-decrypt-rate.cjs"), nodeModules!, fixture);
    }

    public (double Wall, double Cpu)? Measure(int seconds)
    {
        var psi = new ProcessStartInfo(_node) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(_script);
        psi.ArgumentList.Add(_nodeModules);
        psi.ArgumentList.Add(Convert.ToBase64String(_fixture.Message));
        psi.ArgumentList.Add(Convert.ToBase64String(_fixture.WrappingKey));
        psi.ArgumentList.Add(seconds.ToString(CultureInfo.InvariantCulture));
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"js-decrypt-rate.cjs failed: {error}");
            return null;
        }

        using var doc = JsonDocument.Parse(output);
        return (doc.RootElement.GetProperty("wall").GetDouble(), doc.RootElement.GetProperty("cpu").GetDouble());
    }
}
