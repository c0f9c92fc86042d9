using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Auth0.Generated.TokenExchange.Tests;

/// <summary>
/// The library as an application would register it, outside any web host: configuration keys, optionally the API
/// (<c>AddAuth0Api</c>) trusting the same tenant, the exchange client, a backchannel that trusts the tenant's
/// certificate, and a log capture.
/// </summary>
internal sealed class ExchangeServices : IDisposable
{
    private readonly ServiceProvider _provider;

    public ExchangeServices(
        OpenIddictTenant tenant,
        Action<Auth0TokenExchangeOptions>? configure = null,
        bool withApi = false,
        IDictionary<string, string?>? configuration = null,
        TimeProvider? time = null)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["AUTH0_DOMAIN"] = tenant.Domain,
            ["AUTH0_AUDIENCE"] = OpenIddictTenant.ApiAudience,
            ["AUTH0_CLIENT_ID"] = OpenIddictTenant.SecretClientId,
            ["AUTH0_CLIENT_SECRET"] = tenant.ClientSecret,
        };
        foreach (var (key, value) in configuration ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        if (withApi)
        {
            services.AddAuth0Api(options =>
            {
                options.FetchKeysAtStartup = false;
                options.FetchTimeout = OpenIddictTenant.TestTimeout;
            });
        }

        services.AddAuth0TokenExchange(options =>
        {
            options.Timeout = OpenIddictTenant.TestTimeout;
            configure?.Invoke(options);
        });
        services.AddHttpClient(Auth0ApiDefaults.BackchannelHttpClientName).ConfigurePrimaryHttpMessageHandler(tenant.CreateHandler);
        _provider = services.BuildServiceProvider();
    }

    public CaptureLoggerProvider Logs { get; } = new();

    public ITokenExchangeClient Client => _provider.GetRequiredService<ITokenExchangeClient>();

    public Auth0TokenVault Vault => _provider.GetRequiredService<Auth0TokenVault>();

    public IAccessTokenValidator Validator => _provider.GetRequiredService<IAccessTokenValidator>();

    public void Dispose() => _provider.Dispose();
}
