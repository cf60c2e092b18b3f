using Fluid;
using Fluid.Values;

namespace Exanubes.Cognito.Lambda;

/// <summary>
/// The Fluid (Liquid) set-up both senders share: values are set from strings and string maps only (no reflection over
/// CLR objects, so rendering stays trim/AOT clean), client metadata is filtered by the allow-list, and the
/// <c>safe_url</c> filter is registered.
/// </summary>
internal static class LiquidValues
{
    /// <summary>Template options with the invariant culture and <c>safe_url</c> bound to the app origin.</summary>
    public static TemplateOptions Options(Uri? appUrl)
        => SafeUrlFilter.Register(new TemplateOptions { CultureInfo = System.Globalization.CultureInfo.InvariantCulture }, appUrl);

    /// <summary>Sets a string variable, or nil.</summary>
    public static void Set(TemplateContext context, string name, string? value)
        => context.SetValue(name, value is null ? NilValue.Instance : new StringValue(value));

    /// <summary>A string map as a Liquid object, keeping only <paramref name="visibleKeys"/> when given (the client-metadata allow-list).</summary>
    public static DictionaryValue Dictionary(IReadOnlyDictionary<string, string> values, HashSet<string>? visibleKeys)
    {
        var map = new Dictionary<string, FluidValue>(values.Count, StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            if (visibleKeys is null || visibleKeys.Contains(key))
            {
                map[key] = new StringValue(value);
            }
        }

        return new DictionaryValue(new FluidValueDictionaryFluidIndexable(map));
    }

    /// <summary>The allow-list as a set, or <see langword="null"/> (every key visible).</summary>
    public static HashSet<string>? VisibleKeys(IEnumerable<string>? keys)
        => keys is null ? null : new HashSet<string>(keys, StringComparer.Ordinal);
}
