namespace Exanubes.Cognito.Sample.EmailSender;

// Replaced by Function : CustomEmailSenderFunction (issue 5/6).
internal static class Placeholder;
