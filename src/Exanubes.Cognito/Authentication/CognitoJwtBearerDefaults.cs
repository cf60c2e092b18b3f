using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.Authentication;

/// <summary>
/// Sets the environment-dependent default of <see cref="CognitoJwtBearerOptions.DetailedErrors"/> (on in Development
/// only); registered before the app's own configuration, which may override it.
/// </summary>
internal sealed class CognitoJwtBearerDefaults : IConfigureNamedOptions<CognitoJwtBearerOptions>
{
    private readonly IHostEnvironment? _environment;

    public CognitoJwtBearerDefaults(IServiceProvider services)
    {
        _environment = (IHostEnvironment?)services.GetService(typeof(IHostEnvironment));
    }

    public void Configure(CognitoJwtBearerOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, CognitoJwtBearerOptions options) =>
        options.DetailedErrors = _environment?.IsDevelopment() ?? false;
}
