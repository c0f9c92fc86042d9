using System.Collections.Concurrent;

namespace Auth0.Generated.DPoP;

/// <summary>Builds, once per authentication scheme, its <see cref="DPoPScheme"/> (null when DPoP is disabled).</summary>
internal sealed class DPoPSchemeProvider
{
    private readonly ConcurrentDictionary<string, Lazy<DPoPScheme?>> _schemes = new(StringComparer.Ordinal);
    private readonly IOptionsMonitor<Auth0ApiOptions> _options;
    private readonly IServiceProvider _services;

    public DPoPSchemeProvider(IOptionsMonitor<Auth0ApiOptions> options, IServiceProvider services)
    {
        _options = options;
        _services = services;
    }

    public DPoPScheme? Get(string scheme)
        => _schemes.GetOrAdd(scheme, name => new Lazy<DPoPScheme?>(() => Create(name))).Value;

    private DPoPScheme? Create(string scheme)
    {
        var options = _options.Get(scheme);
        if (options.DPoP.Mode == DPoPMode.Disabled)
        {
            return null;
        }

        var time = options.TimeProvider ?? _services.GetService<TimeProvider>() ?? TimeProvider.System;
        var store = _services.GetService<IDPoPReplayStore>() ?? new InMemoryDPoPReplayStore(time, options.DPoP.ReplayCacheSize);
        return new DPoPScheme(options.DPoP.Mode, new DPoPProofValidator(options.DPoP, store, time));
    }
}
