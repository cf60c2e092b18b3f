using Microsoft.Extensions.Logging;

namespace Exanubes.Cognito.Sample.LocalStack;

/// <summary>The local stack's log messages (event ids 9000-9099). Never codes, tokens or passwords.</summary>
internal static partial class Log
{
    [LoggerMessage(9000, LogLevel.Information, "KMS stand-in listening on {Url} with key {KeyArn}")]
    public static partial void KmsListening(ILogger logger, Uri url, string keyArn);

    [LoggerMessage(9010, LogLevel.Information, "Lambda host listening on {Url} for {Functions}")]
    public static partial void LambdaListening(ILogger logger, Uri url, string functions);

    [LoggerMessage(9011, LogLevel.Information, "Lambda host stopped")]
    public static partial void LambdaStopped(ILogger logger);

    [LoggerMessage(9012, LogLevel.Information, "Invoked {Function}")]
    public static partial void LambdaInvoked(ILogger logger, string function);

    [LoggerMessage(9013, LogLevel.Warning, "Function {Function} failed: {ErrorType}")]
    public static partial void LambdaFailed(ILogger logger, string function, string errorType);

    [LoggerMessage(9014, LogLevel.Information, "Function {Function} started: {Description}; Runtime API {RuntimeApi}")]
    public static partial void FunctionStarted(ILogger logger, string function, string description, string runtimeApi);

    [LoggerMessage(9015, LogLevel.Information, "Function {Function}: environment exited with status {Status}")]
    public static partial void FunctionExited(ILogger logger, string function, int status);

    [LoggerMessage(9016, LogLevel.Warning, "Function {Function} posted init/error {ErrorType}")]
    public static partial void FunctionInitFailed(ILogger logger, string function, string errorType);

    [LoggerMessage(9017, LogLevel.Warning, "Function {Function}: invocation {RequestId} timed out; the environment is stopped")]
    public static partial void FunctionTimedOut(ILogger logger, string function, string requestId);

    [LoggerMessage(9018, LogLevel.Debug, "Function {Function}: invocation {RequestId} {Outcome}")]
    public static partial void FunctionCompleted(ILogger logger, string function, string requestId, string outcome);

    [LoggerMessage(9019, LogLevel.Information, "{Line}")]
    public static partial void FunctionOutput(ILogger logger, string line);

    [LoggerMessage(9020, LogLevel.Information, "{Peer} listening on 127.0.0.1:{Port}")]
    public static partial void PeerListening(ILogger logger, string peer, int port);

    [LoggerMessage(9021, LogLevel.Warning, "{Peer} did not exit in time")]
    public static partial void PeerSlowToExit(ILogger logger, string peer);

    [LoggerMessage(9022, LogLevel.Information, "{Peer} stopped")]
    public static partial void PeerStopped(ILogger logger, string peer);
}
