using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Auth0.Generated.Configuration;

/// <summary>
/// Reads one configuration section by hand for the options binders (no reflection, so trimming and Native AOT stay clean):
/// a value is trimmed and an empty one counts as absent; one that does not parse fails at startup with its full key
/// (<c>Auth0:ClockTolerance</c>).
/// </summary>
internal readonly struct ConfigurationReader(IConfiguration root, IConfigurationSection section, string prefix)
{
    // The root keys (environment variables, as Auth0's quickstarts name them) that win over the Auth0 section's values.
    internal const string DomainKey = "AUTH0_DOMAIN";
    internal const string AudienceKey = "AUTH0_AUDIENCE";
    internal const string ClientIdKey = "AUTH0_CLIENT_ID";
    internal const string ClientSecretKey = "AUTH0_CLIENT_SECRET";

    /// <summary>The <c>Auth0</c> section, beside the root keys that win over it.</summary>
    public static ConfigurationReader Auth0(IConfiguration configuration)
        => new(configuration, configuration.GetSection(Auth0ApiDefaults.ConfigurationSection), Auth0ApiDefaults.ConfigurationSection + ":");

    /// <summary>A section below this one (<c>Auth0:DPoP</c>).</summary>
    public ConfigurationReader Section(string name) => new(root, section.GetSection(name), Path(name) + ":");

    /// <summary>The full key, as error messages name it.</summary>
    public string Path(string key) => prefix + key;

    /// <summary>The value of <paramref name="rootKey"/> (<see cref="DomainKey"/>...) when set, else the section's.</summary>
    public string? String(string key, string? rootKey = null)
        => (rootKey is null ? null : NonEmpty(root[rootKey])) ?? NonEmpty(section[key]);

    public bool? Boolean(string key)
        => Parse<bool>(key, "true or false", static text => bool.TryParse(text, out var value) ? value : null);

    public int? Int32(string key)
        => Parse<int>(key, "a whole number", static text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null);

    /// <summary>"00:00:05" (a <see cref="TimeSpan"/>) or a plain number of seconds ("5", "0.5").</summary>
    public TimeSpan? Duration(string key)
        => Parse<TimeSpan>(key, "a duration such as '00:00:05' or a number of seconds", static text =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds) ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value
            : null);

    /// <summary>
    /// Replaces <paramref name="target"/> with the section's list when it has one: child values, or one value separated by
    /// commas or spaces ("RS256,ES256" or "RS256 ES256": an environment variable, for example).
    /// </summary>
    public void List(string key, IList<string> target)
    {
        var list = section.GetSection(key);
        var values = new List<string>();
        if (NonEmpty(list.Value) is { } single)
        {
            values.AddRange(single.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        foreach (var child in list.GetChildren())
        {
            if (NonEmpty(child.Value) is { } value)
            {
                values.Add(value);
            }
        }

        if (values.Count > 0)
        {
            target.Clear();
            foreach (var value in values)
            {
                target.Add(value);
            }
        }
    }

    private T? Parse<T>(string key, string expected, Func<string, T?> parse)
        where T : struct
    {
        var text = NonEmpty(section[key]);
        return text is null ? null
            : parse(text) ?? throw new InvalidOperationException($"Configuration value '{Path(key)}' must be {expected}, not '{text}'.");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
