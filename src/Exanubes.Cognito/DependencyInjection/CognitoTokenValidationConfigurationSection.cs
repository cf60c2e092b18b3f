using Microsoft.Extensions.Configuration;

namespace Exanubes.Cognito;

/// <summary>
/// Marks a configuration section bound to <see cref="Tokens.CognitoTokenValidationOptions"/>: keeps a second
/// <c>AddCognitoTokenValidation(IConfiguration)</c> call from binding it again, and gives validation messages the
/// configuration key (<see cref="Path"/>) to name.
/// </summary>
internal sealed record CognitoTokenValidationConfigurationSection(IConfiguration Configuration, string? Path);
