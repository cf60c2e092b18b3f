using Exanubes.Cognito;
using Microsoft.AspNetCore.Mvc;

namespace Exanubes.Cognito.Sample.WebApp.Api;

/// <summary>Turns Cognito's typed errors into words for people and ProblemDetails for API clients.</summary>
internal static class CognitoErrors
{
    public static string ForPeople(CognitoError error) => error.Code switch
    {
        CognitoErrorCode.CodeMismatch => "That code is not right. Use the link in the latest email, or ask for a new one.",
        CognitoErrorCode.ExpiredCode => "That code has expired. Ask for a new one.",
        CognitoErrorCode.NotAuthorized or CognitoErrorCode.UserNotFound => "Wrong email or password.",
        CognitoErrorCode.UserNotConfirmed => "Your account is not verified yet. Open the link in the email we sent you, or send a new one.",
        CognitoErrorCode.UsernameExists => "An account with this email already exists. Sign in, or reset your password.",
        CognitoErrorCode.InvalidPassword => "That password is too weak: " + error.Message,
        CognitoErrorCode.InvalidParameter => "Please check what you entered: " + error.Message,
        CognitoErrorCode.LimitExceeded or CognitoErrorCode.TooManyRequests or CognitoErrorCode.TooManyFailedAttempts or CognitoErrorCode.Throttling
            => "Too many attempts. Wait a little and try again.",
        CognitoErrorCode.CodeDeliveryFailure => "We could not send the email. Try again in a moment.",
        _ => "Something went wrong: " + error.Message,
    };

    public static int StatusFor(CognitoError error) => error.Code switch
    {
        CognitoErrorCode.NotAuthorized or CognitoErrorCode.UserNotFound => StatusCodes.Status401Unauthorized,
        CognitoErrorCode.UserNotConfirmed => StatusCodes.Status403Forbidden,
        CognitoErrorCode.UsernameExists or CognitoErrorCode.AliasExists => StatusCodes.Status409Conflict,
        CognitoErrorCode.LimitExceeded or CognitoErrorCode.TooManyRequests or CognitoErrorCode.TooManyFailedAttempts or CognitoErrorCode.Throttling
            => StatusCodes.Status429TooManyRequests,
        CognitoErrorCode.CodeMismatch or CognitoErrorCode.ExpiredCode or CognitoErrorCode.InvalidPassword or CognitoErrorCode.InvalidParameter
            or CognitoErrorCode.ValidationError => StatusCodes.Status400BadRequest,
        _ when (int)error.StatusCode >= 500 => StatusCodes.Status502BadGateway,
        _ => StatusCodes.Status400BadRequest,
    };

    public static IResult Problem(CognitoError error)
    {
        var status = StatusFor(error);
        var problem = new ProblemDetails
        {
            Status = status,
            Title = error.Code.ToString(),
            Detail = ForPeople(error),
            Type = "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/CommonErrors.html",
        };
        problem.Extensions["cognitoError"] = error.Type;
        return Results.Problem(problem);
    }
}
