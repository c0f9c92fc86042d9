using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Auth0.Generated.Configuration;

/// <summary>
/// Binds <see cref="Auth0ApiOptions"/> from configuration by hand (no reflection, so trimming and Native AOT stay clean):
/// the <c>Auth0</c> section, then the <c>AUTH0_DOMAIN</c> / <c>AUTH0_AUDIENCE</c> root keys, which win when set.
/// A value that does not parse fails at startup with the key's name.
/// </summary>
internal sealed class Auth0ApiOptionsBinder : IConfigureNamedOptions<Auth0ApiOptions>
{
    internal const string DomainKey = "AUTH0_DOMAIN";
    internal const string AudienceKey = "AUTH0_AUDIENCE";

    private readonly IConfiguration? _configuration;

    public Auth0ApiOptionsBinder(IConfiguration? configuration = null) => _configuration = configuration;

    public void Configure(Auth0ApiOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, Auth0ApiOptions options)
    {
        if (_configuration is null || !string.Equals(name, Auth0ApiDefaults.AuthenticationScheme, StringComparison.Ordinal))
        {
            return;
        }

        Bind(_configuration, options);
    }

    internal static void Bind(IConfiguration configuration, Auth0ApiOptions options)
    {
        var section = configuration.GetSection(Auth0ApiDefaults.ConfigurationSection);
        var prefix = Auth0ApiDefaults.ConfigurationSection + ":";

        options.Domain = NonEmpty(configuration[DomainKey]) ?? NonEmpty(section["Domain"]) ?? options.Domain;
        options.Audience = NonEmpty(configuration[AudienceKey]) ?? NonEmpty(section["Audience"]) ?? options.Audience;
        ReadList(section.GetSection("Domains"), options.Domains);
        ReadList(section.GetSection("Audiences"), options.Audiences);
        ReadList(section.GetSection("Algorithms"), options.Algorithms);
        ReadList(section.GetSection("TrustedOrigins"), options.TrustedOrigins);
        options.ClockTolerance = ReadDuration(section, prefix, "ClockTolerance") ?? options.ClockTolerance;
        options.Strict = ReadBool(section, prefix, "Strict") ?? options.Strict;
        options.MaxTokenAge = ReadDuration(section, prefix, "MaxTokenAge") ?? options.MaxTokenAge;
        options.AllowQueryToken = ReadBool(section, prefix, "AllowQueryToken") ?? options.AllowQueryToken;
        options.CookieName = NonEmpty(section["CookieName"]) ?? options.CookieName;
        options.JwksCacheDuration = ReadDuration(section, prefix, "JwksCacheDuration") ?? options.JwksCacheDuration;
        options.JwksRefreshCooldown = ReadDuration(section, prefix, "JwksRefreshCooldown") ?? options.JwksRefreshCooldown;
        options.JwksRetryInterval = ReadDuration(section, prefix, "JwksRetryInterval") ?? options.JwksRetryInterval;
        options.FetchTimeout = ReadDuration(section, prefix, "FetchTimeout") ?? options.FetchTimeout;
        options.JwksUri = NonEmpty(section["JwksUri"]) ?? options.JwksUri;
        options.SymmetricSecret = NonEmpty(section["SymmetricSecret"]) ?? options.SymmetricSecret;
        options.DevelopmentIssuer = ReadBool(section, prefix, "DevelopmentIssuer") ?? options.DevelopmentIssuer;
        options.RolesClaim = NonEmpty(section["RolesClaim"]) ?? options.RolesClaim;
        options.PermissionsAsScopes = ReadBool(section, prefix, "PermissionsAsScopes") ?? options.PermissionsAsScopes;
        options.TokenCacheSize = ReadInt(section, prefix, "TokenCacheSize") ?? options.TokenCacheSize;
        options.FetchKeysAtStartup = ReadBool(section, prefix, "FetchKeysAtStartup") ?? options.FetchKeysAtStartup;
        BindDPoP(section.GetSection("DPoP"), prefix + "DPoP:", options.DPoP);
    }

    private static void BindDPoP(IConfigurationSection section, string prefix, Auth0.Generated.DPoP.DPoPOptions options)
    {
        if (NonEmpty(section["Mode"]) is { } mode)
        {
            options.Mode = Enum.TryParse<Auth0.Generated.DPoP.DPoPMode>(mode, ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsAsciiDigit(mode[0])
                ? value
                : throw new InvalidOperationException($"Configuration value '{prefix}Mode' must be Allowed, Required or Disabled, not '{mode}'.");
        }

        ReadList(section.GetSection("Algorithms"), options.Algorithms);
        options.IatOffset = ReadDuration(section, prefix, "IatOffset") ?? options.IatOffset;
        options.IatLeeway = ReadDuration(section, prefix, "IatLeeway") ?? options.IatLeeway;
        options.ReplayCacheSize = ReadInt(section, prefix, "ReplayCacheSize") ?? options.ReplayCacheSize;
        options.PublicBaseUrl = NonEmpty(section["PublicBaseUrl"]) ?? options.PublicBaseUrl;
        options.RequireNonce = ReadBool(section, prefix, "RequireNonce") ?? options.RequireNonce;
        options.NonceLifetime = ReadDuration(section, prefix, "NonceLifetime") ?? options.NonceLifetime;
        if (NonEmpty(section["NonceSecret"]) is { } secret)
        {
            var buffer = new byte[secret.Length];
            options.NonceSecret = Convert.TryFromBase64String(secret, buffer, out var length)
                ? buffer[..length]
                : throw new InvalidOperationException($"Configuration value '{prefix}NonceSecret' must be base64.");
        }
    }

    internal static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void ReadList(IConfigurationSection section, IList<string> target)
    {
        var values = new List<string>();
        if (NonEmpty(section.Value) is { } single)
        {
            // "RS256,ES256" or "RS256 ES256" in one value (an environment variable, for example).
            values.AddRange(single.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        foreach (var child in section.GetChildren())
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

    private static bool? ReadBool(IConfigurationSection section, string prefix, string key)
    {
        var text = NonEmpty(section[key]);
        if (text is null)
        {
            return null;
        }

        return bool.TryParse(text, out var value)
            ? value
            : throw new InvalidOperationException($"Configuration value '{prefix}{key}' must be true or false, not '{text}'.");
    }

    internal static int? ReadInt(IConfigurationSection section, string prefix, string key)
    {
        var text = NonEmpty(section[key]);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"Configuration value '{prefix}{key}' must be a whole number, not '{text}'.");
    }

    internal static TimeSpan? ReadDuration(IConfigurationSection section, string prefix, string key)
    {
        var text = NonEmpty(section[key]);
        if (text is null)
        {
            return null;
        }

        // "00:00:05" (TimeSpan) or a plain number of seconds ("5", "0.5").
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"Configuration value '{prefix}{key}' must be a duration such as '00:00:05' or a number of seconds, not '{text}'.");
    }
}
