namespace Exanubes.Cognito.Lambda;

/// <summary>
/// Base class of a migrate user Lambda: override <c>HandleAsync(UserMigrationEvent, CancellationToken)</c>, check the
/// credentials against the old store, and set <c>evt.Response.UserAttributes</c> (and <c>FinalUserStatus</c>); throw when
/// the old store does not know the user, so Cognito answers as for an unknown user.
/// </summary>
public abstract class UserMigrationFunction : CognitoTriggerFunction<UserMigrationEvent>
{
    /// <summary>Creates the function.</summary>
    protected UserMigrationFunction()
        : base(UserMigrationJsonContext.Default.UserMigrationEvent, UserMigrationEvent.TriggerSources)
    {
    }
}
