namespace Exanubes.Cognito.EmailSender;

/// <summary>
/// The literal placeholders Cognito replaces in a Custom message trigger's returned message (<c>request.codeParameter</c>
/// and <c>request.usernameParameter</c>); see
/// <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-message.html"/>.
/// </summary>
internal static class CognitoPlaceholders
{
    public const string Code = "{####}";
    public const string UserName = "{username}";
}
