namespace Exanubes.Cognito.Lambda;

/// <summary>
/// How both custom senders choose a template: by trigger source, then app client, then locale (from a client-metadata
/// key, else the user's <c>locale</c> attribute), the most specific match winning and, among equals, the last registered.
/// </summary>
internal static class TemplateChoice
{
    /// <summary>The event's locale: the <paramref name="localeKey"/> client-metadata entry, else the <c>locale</c> user attribute.</summary>
    public static string? LocaleOf(IReadOnlyDictionary<string, string>? metadata, IReadOnlyDictionary<string, string>? attributes, string localeKey)
    {
        if (metadata is not null && metadata.TryGetValue(localeKey, out var fromMetadata) && !string.IsNullOrWhiteSpace(fromMetadata))
        {
            return fromMetadata.Trim();
        }

        return attributes is not null && attributes.TryGetValue("locale", out var fromAttribute) && !string.IsNullOrWhiteSpace(fromAttribute)
            ? fromAttribute.Trim()
            : null;
    }

    /// <summary>The best registered template for the source, client and locale, or <see langword="null"/> when none matches.</summary>
    /// <param name="templates">The registered templates, in registration order.</param>
    /// <param name="keyOf">A template's trigger source, client id and locale (null = any).</param>
    /// <param name="source">The event's trigger source.</param>
    /// <param name="clientId">The event's app client id.</param>
    /// <param name="locale">The event's locale.</param>
    public static T? Select<T>(IEnumerable<T> templates, Func<T, (string Source, string? ClientId, string? Locale)> keyOf, string source, string? clientId, string? locale)
        where T : class
    {
        T? best = null;
        var bestScore = -1;
        foreach (var template in templates)
        {
            var key = keyOf(template);
            if (!string.Equals(key.Source, source, StringComparison.Ordinal))
            {
                continue;
            }

            var score = 0;
            if (key.ClientId is not null)
            {
                if (!string.Equals(key.ClientId, clientId, StringComparison.Ordinal))
                {
                    continue;
                }

                score += 4;
            }

            if (key.Locale is not null)
            {
                var match = LocaleMatch(key.Locale, locale);
                if (match == 0)
                {
                    continue;
                }

                score += match;
            }

            if (score >= bestScore)
            {
                best = template;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>2 for an exact (case-insensitive) match, 1 when <paramref name="wanted"/> is the language of <paramref name="actual"/> (<c>de</c> for <c>de-AT</c>), else 0.</summary>
    public static int LocaleMatch(string wanted, string? actual)
    {
        if (actual is null)
        {
            return 0;
        }

        if (string.Equals(wanted, actual, StringComparison.OrdinalIgnoreCase))
        {
            return 2;
        }

        return actual.Length > wanted.Length && actual.StartsWith(wanted, StringComparison.OrdinalIgnoreCase) && actual[wanted.Length] is '-' or '_' ? 1 : 0;
    }
}
