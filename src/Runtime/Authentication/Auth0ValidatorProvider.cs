using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.Http;
using Auth0.Generated.Configuration;
using Auth0.Generated.Development;
using Auth0.Generated.Keys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Auth0.Generated.Authentication;

/// <summary>Builds, once per scheme, the validator and key source that the options describe.</summary>
internal sealed class Auth0ValidatorProvider
{
    private readonly ConcurrentDictionary<string, Lazy<Auth0TokenValidator>> _validators = new(StringComparer.Ordinal);
    private readonly IOptionsMonitor<Auth0ApiOptions> _options;
    private readonly IServiceProvider _services;

    public Auth0ValidatorProvider(IOptionsMonitor<Auth0ApiOptions> options, IServiceProvider services)
    {
        _options = options;
        _services = services;
    }

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

        ISigningKeySource source;
        if (Auth0ApiOptionsValidator.UsesDevelopmentIssuer(options, isDevelopment))
        {
            var development = _services.GetRequiredService<DevelopmentIssuer>();
            if (audiences.Count == 0)
            {
                audiences.Add(DevelopmentIssuer.DefaultAudience);
            }

            source = development;
        }
        else
        {
            if (!IssuerAddress.TryParse(options.Domain!, out var issuer, out _, out var error))
            {
                throw new OptionsValidationException(scheme, typeof(Auth0ApiOptions), [error!]);
            }

            source = new JwksKeySource(
                issuer,
                options,
                allowHttp: isDevelopment,
                _services.GetRequiredService<IHttpClientFactory>(),
                time,
                _services.GetRequiredService<ILoggerFactory>().CreateLogger("Auth0.Generated.Keys"));
        }

        return new Auth0TokenValidator(source, options, audiences, time);
    }
}
