namespace Exanubes.Cognito.EmailSender;

/// <summary>Settings of the development mailer, bound from the <c>Development</c> section (<c>Development__Folder</c>).</summary>
/// <remarks>For local work only: it prints or stores the whole email, including the code or temporary password.</remarks>
public sealed class DevelopmentMailerOptions
{
    /// <summary>A folder to write each email to as an <c>.eml</c> file. Default: <see langword="null"/> (print to standard output).</summary>
    public string? Folder { get; set; }
}
