namespace Exanubes.Cognito.EmailSender;

/// <summary>Marks a mailer that needs <c>EmailSender:FromAddress</c>; the function checks it at start-up.</summary>
internal interface IRequiresFromAddress;
