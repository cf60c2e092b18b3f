namespace Exanubes.Cognito.Lambda;

/// <summary>The function's standard output (a seam so tests can capture the JSON log lines and the development mailer's prints).</summary>
internal sealed class StandardOutput(TextWriter writer)
{
    private readonly Lock _gate = new();

    public TextWriter Writer => writer;

    public void WriteLine(string line)
    {
        lock (_gate)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }
}
