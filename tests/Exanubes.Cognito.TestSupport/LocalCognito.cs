namespace Exanubes.Cognito.TestSupport;

/// <summary>
/// The project's one local Cognito, <c>tests/local-cognito/start.js</c>: cognito-local from the npm peers with every
/// extension in <c>tests/local-cognito/extensions/</c> applied. The integration tests and the local stack start this
/// same emulator. Checks named in <c>LOCAL_COGNITO_OFF</c> (inherited from the test run's environment) are switched off.
/// </summary>
public static class LocalCognito
{
    /// <summary>The emulator's folder, <c>tests/local-cognito</c>.</summary>
    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "local-cognito");

    /// <summary>The loader script; throws when it is missing.</summary>
    public static string StartScript
    {
        get
        {
            var script = Path.Combine(Folder, "start.js");
            return File.Exists(script) ? script : throw new FileNotFoundException($"The local Cognito's loader '{script}' is missing.", script);
        }
    }

    /// <summary>
    /// Installs the npm peers if needed, starts the emulator on 127.0.0.1:<paramref name="port"/> in
    /// <paramref name="workingDirectory"/> (it keeps <c>.cognito/</c> there) and waits until it listens.
    /// </summary>
    public static async Task<PeerProcess> StartAsync(string workingDirectory, int port, IDictionary<string, string>? environment = null)
    {
        await NodePeers.EnsureInstalledAsync().ConfigureAwait(false);
        var env = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
        {
            ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HOST"] = "127.0.0.1",
            ["COGNITO_LOCAL_DIR"] = Path.Combine(NodePeers.NodeModules, "cognito-local"),
        };
        var peer = PeerProcess.StartNode("local-cognito", StartScript, [], workingDirectory, env);
        try
        {
            await peer.WaitForPortAsync(port).ConfigureAwait(false);
        }
        catch
        {
            await peer.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return peer;
    }
}
