using System.Diagnostics.Metrics;
using Auth0.Generated.Keys;

namespace Auth0.Generated.Diagnostics;

/// <summary>
/// The runtime's <see cref="System.Diagnostics.Metrics"/> instruments (meter <see cref="MeterName"/>), named in the style
/// of the OpenTelemetry semantic conventions so they sit next to ASP.NET Core's <c>aspnetcore.authentication.*</c>:
/// <list type="table">
/// <item><term><c>auth0.token.validations</c></term><description>counter, <c>{token}</c>: tokens validated, by
/// <c>auth0.validation.result</c> (<c>success</c>/<c>failure</c>) and, on failure, <c>error.type</c> (a short reason code).</description></item>
/// <item><term><c>auth0.token_cache.lookups</c></term><description>counter, <c>{lookup}</c>: validated-token cache
/// lookups, by <c>auth0.token_cache.result</c> (<c>hit</c>/<c>miss</c>).</description></item>
/// <item><term><c>auth0.jwks.fetches</c></term><description>counter, <c>{fetch}</c>: discovery + JWKS fetches, by
/// <c>auth0.issuer</c>, <c>auth0.jwks.fetch.result</c> (<c>success</c>/<c>failure</c>) and, on failure, <c>error.type</c>
/// (the exception type).</description></item>
/// <item><term><c>auth0.authorization.evaluations</c></term><description>counter, <c>{request}</c>: protected requests
/// evaluated by the policy evaluator, by <c>auth0.authorization.path</c>: <c>shortcut</c> (answered without ASP.NET
/// Core's evaluation, see <see cref="Authorization.Auth0PolicyShortcut"/>) or <c>stock</c>.</description></item>
/// <item><term><c>auth0.jwks.age</c></term><description>gauge, <c>s</c>: the age of each issuer's current key set, by
/// <c>auth0.issuer</c> (absent until the first successful fetch).</description></item>
/// </list>
/// Tag values are bounded: the configured issuers and fixed reason codes, never a value taken from a token.
/// </summary>
internal sealed class Auth0Metrics
{
    /// <summary>The name of the runtime's meter.</summary>
    public const string MeterName = "Auth0.Generated";

    private readonly Counter<long> _validations;
    private readonly Counter<long> _cacheLookups;
    private readonly Counter<long> _jwksFetches;
    private readonly Counter<long> _evaluations;
    private readonly Lock _lock = new();
    private readonly List<JwksKeySource> _sources = [];

    public Auth0Metrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _validations = meter.CreateCounter<long>("auth0.token.validations", "{token}", "Access tokens validated by the Auth0 scheme, by result and failure reason.");
        _cacheLookups = meter.CreateCounter<long>("auth0.token_cache.lookups", "{lookup}", "Lookups in the validated-token cache, by hit or miss.");
        _jwksFetches = meter.CreateCounter<long>("auth0.jwks.fetches", "{fetch}", "Fetches of an issuer's discovery document and JWKS, by issuer and result.");
        _evaluations = meter.CreateCounter<long>("auth0.authorization.evaluations", "{request}", "Protected requests evaluated, by path: the shortcut or ASP.NET Core's stock evaluation.");
        meter.CreateObservableGauge("auth0.jwks.age", ObserveKeySetAges, "s", "Age of each issuer's current signing key set.");
    }

    public void TokenValidated() => _validations.Add(1, new KeyValuePair<string, object?>("auth0.validation.result", "success"));

    public void TokenRefused(string reason)
        => _validations.Add(1, new KeyValuePair<string, object?>("auth0.validation.result", "failure"), new KeyValuePair<string, object?>("error.type", reason));

    /// <summary>A protected request evaluated: by the shortcut or by the stock evaluation (nothing recorded unless someone listens).</summary>
    public void AuthorizationEvaluated(bool shortcut)
    {
        if (_evaluations.Enabled)
        {
            _evaluations.Add(1, new KeyValuePair<string, object?>("auth0.authorization.path", shortcut ? "shortcut" : "stock"));
        }
    }

    public void CacheLookup(bool hit) => _cacheLookups.Add(1, new KeyValuePair<string, object?>("auth0.token_cache.result", hit ? "hit" : "miss"));

    public void JwksFetched(string issuer, string? errorType)
    {
        if (errorType is null)
        {
            _jwksFetches.Add(1, new KeyValuePair<string, object?>("auth0.issuer", issuer), new KeyValuePair<string, object?>("auth0.jwks.fetch.result", "success"));
        }
        else
        {
            _jwksFetches.Add(
                1,
                new KeyValuePair<string, object?>("auth0.issuer", issuer),
                new KeyValuePair<string, object?>("auth0.jwks.fetch.result", "failure"),
                new KeyValuePair<string, object?>("error.type", errorType));
        }
    }

    /// <summary>Reports the key-set age of <paramref name="source"/> from now on.</summary>
    public void Track(JwksKeySource source)
    {
        lock (_lock)
        {
            _sources.Add(source);
        }
    }

    private IEnumerable<Measurement<double>> ObserveKeySetAges()
    {
        JwksKeySource[] sources;
        lock (_lock)
        {
            sources = [.. _sources];
        }

        var measurements = new List<Measurement<double>>(sources.Length);
        foreach (var source in sources)
        {
            if (source.KeySetAge is { } age)
            {
                measurements.Add(new(age.TotalSeconds, new KeyValuePair<string, object?>("auth0.issuer", source.Issuer)));
            }
        }

        return measurements;
    }
}
