using Microsoft.AspNetCore.Diagnostics;

namespace Exanubes.Cognito.Sample.WebApp.Api;

/// <summary>
/// Turns the <see cref="ArgumentException"/> that <see cref="ICognitoAuthService"/> throws for a missing or empty
/// field (an empty username, no code, no password) into a 400: ProblemDetails for the API, a page for people.
/// Without it such a request ended as a bare 500.
/// </summary>
internal sealed class InvalidRequestHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not ArgumentException argument || httpContext.Response.HasStarted)
        {
            return false;
        }

        // The parameter's name only: the message or value could echo what was typed.
        var field = string.IsNullOrEmpty(argument.ParamName) ? "a required field" : $"'{argument.ParamName}'";
        var detail = $"The request is missing {field} or it is empty.";
        var result = httpContext.Request.Path.StartsWithSegments("/api")
            ? Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "InvalidRequest", detail: detail)
            : Pages.Html.Page(httpContext, "Something is missing", Pages.Html.Notice("error", "Please fill in every field and try again."), StatusCodes.Status400BadRequest);
        await result.ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }
}
