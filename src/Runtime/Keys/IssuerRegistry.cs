using System.Collections.Frozen;
using System.Net.Http;
using Auth0.Generated.Configuration;
using Auth0.Generated.Diagnostics;

namespace Auth0.Generated.Keys;

/// <summary>
/// The configured issuers, each with its own key source. A token's <c>iss</c> selects its issuer by exact match before
/// any key is used: keys of one issuer never verify another's tokens, and a token whose <c>iss</c> is not configured
/// fails without any network call.
/// </summary>
internal sealed class IssuerRegistry
{
    private readonly FrozenDictionary<string, ISigningKeySource> _byIssuer;

    public IssuerRegistry(IReadOnlyList<ISigningKeySource> sources)
    {
        if (sources.Count == 0)
        {
            throw new ArgumentException("At least one issuer is required.", nameof(sources));
        }

        Sources = sources;
        var byIssuer = new Dictionary<string, ISigningKeySource>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            byIssuer.TryAdd(source.Issuer, source);
        }

        _byIssuer = byIssuer.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The issuers in configuration order (<c>Domain</c> first, then <c>Domains</c>).</summary>
    public IReadOnlyList<ISigningKeySource> Sources { get; }

    /// <summary>The key source of <paramref name="issuer"/> (exact, ordinal); null when it is not configured.</summary>
    public ISigningKeySource? Find(string? issuer)
        => string.IsNullOrEmpty(issuer) ? null : _byIssuer.GetValueOrDefault(issuer);

    /// <summary>Fetches every issuer's keys (each source logs its own failure; never throws).</summary>
    public Task WarmUpAsync(CancellationToken cancellationToken)
    {
        var fetches = new List<Task>(Sources.Count);
        foreach (var source in Sources)
        {
            fetches.Add(source.GetKeysAsync(null, cancellationToken).AsTask());
        }

        return Task.WhenAll(fetches);
    }

    /// <summary>One JWKS key source per configured issuer.</summary>
    public static IssuerRegistry ForRemoteIssuers(
        IReadOnlyList<string> issuers, Auth0ApiOptions options, bool allowHttp, IHttpClientFactory httpClientFactory, TimeProvider time, ILogger logger, Auth0Metrics? metrics)
    {
        var sources = new List<ISigningKeySource>(issuers.Count);
        foreach (var issuer in issuers)
        {
            sources.Add(new JwksKeySource(issuer, options, allowHttp, httpClientFactory, time, logger, metrics));
        }

        return new IssuerRegistry(sources);
    }

    /// <summary>
    /// The issuers the options configure: <see cref="Auth0ApiOptions.Domain"/> then each of
    /// <see cref="Auth0ApiOptions.Domains"/>, as exact issuer strings, without duplicates; a domain that does not parse
    /// is skipped (startup validation reports it).
    /// </summary>
    public static List<string> ConfiguredIssuers(Auth0ApiOptions options)
    {
        var issuers = new List<string>();
        foreach (var domain in ConfiguredDomains(options))
        {
            if (IssuerAddress.TryParse(domain, out var issuer, out _, out _) && !issuers.Contains(issuer))
            {
                issuers.Add(issuer);
            }
        }

        return issuers;
    }

    /// <summary>The configured domains: <see cref="Auth0ApiOptions.Domain"/> then <see cref="Auth0ApiOptions.Domains"/>, non-empty.</summary>
    public static IEnumerable<string> ConfiguredDomains(Auth0ApiOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Domain))
        {
            yield return options.Domain;
        }

        foreach (var domain in options.Domains)
        {
            if (!string.IsNullOrWhiteSpace(domain))
            {
                yield return domain;
            }
        }
    }
}
