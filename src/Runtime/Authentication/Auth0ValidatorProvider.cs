using System.Collections.Concurrent;
using System.Net.Http;
using Auth0.Generated.Configuration;
using Auth0.Generated.Development;
using Auth0.Generated.Diagnostics;
using Auth0.Generated.Keys;
using Microsoft.Extensions.Hosting;

namespace Auth0.Generated.Authentication;

/// <summary>Builds, once per scheme, the validator and key source that the options describe.</summary>
internal sealed class Auth0ValidatorProvider
{
    private readonly ConcurrentDictionary<string, Lazy<Auth0TokenValidator>> _validators = new(StringComparer.Ordinal);
    private readonly IOptionsMonitor<Auth0ApiOptions> _options;
    private readonly IServiceProvider _services;
    private Auth0Metrics? _metrics;

    public Auth0ValidatorProvider(IOptionsMonitor<Auth0ApiOptions> options, IServiceProvider services)
    {
        _options = options;
        _services = services;
    }

    /// <summary>The runtime's metrics (null when the container has no <see cref="System.Diagnostics.Metrics.IMeterFactory"/>).</summary>
    public Auth0Metrics? Metrics => _metrics ??= _services.GetService<Auth0Metrics>();

    private bool IsDevelopment => Auth0ApiOptionsValidator.IsDevelopment(_services.GetService<IHostEnvironment>());

    /// <summary>Whether the scheme runs on the built-in development issuer.</summary>
    public bool UsesDevelopmentIssuer(string scheme = Auth0ApiDefaults.AuthenticationScheme)
        => Auth0ApiOptionsValidator.UsesDevelopmentIssuer(_options.Get(scheme), IsDevelopment);

    public Auth0TokenValidator Get(string scheme = Auth0ApiDefaults.AuthenticationScheme)
        => _validators.GetOrAdd(scheme, name => new Lazy<Auth0TokenValidator>(() => Create(name))).Value;

    private Auth0TokenValidator Create(string scheme)
    {
        var options = _options.Get(scheme);
        var isDevelopment = IsDevelopment;
        var errors = Auth0ApiOptionsValidator.Validate(options, isDevelopment);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(scheme, typeof(Auth0ApiOptions), errors);
        }

        var time = options.TimeProvider ?? _services.GetService<TimeProvider>() ?? TimeProvider.System;
        var audiences = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Audience))
        {
            audiences.Add(options.Audience.Trim());
        }

        foreach (var audience in options.Audiences)
        {
            audiences.Add(audience.Trim());
        }

        var metrics = Metrics;
        IssuerRegistry issuers;
        if (Auth0ApiOptionsValidator.UsesDevelopmentIssuer(options, isDevelopment))
        {
            var development = _services.GetRequiredService<DevelopmentIssuer>();
            if (audiences.Count == 0)
            {
                audiences.Add(DevelopmentIssuer.DefaultAudience);
            }

            issuers = new IssuerRegistry([development]);
        }
        else
        {
            // The domains were validated above: every one parses.
            issuers = IssuerRegistry.ForRemoteIssuers(
                IssuerRegistry.ConfiguredIssuers(options),
                options,
                allowHttp: isDevelopment,
                _services.GetRequiredService<IHttpClientFactory>(),
                time,
                _services.GetRequiredService<ILoggerFactory>().CreateLogger("Auth0.Generated.Keys"),
                metrics);
        }

        return new Auth0TokenValidator(issuers, options, audiences, time, metrics);
    }
}
