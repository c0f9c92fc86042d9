using Auth0.Generated.DPoP;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Redis DPoP replay store of Auth0.Generated (package Auth0.Generated.StackExchangeRedis).</summary>
public static class RedisDPoPServiceCollectionExtensions
{
    /// <summary>
    /// Remembers used DPoP proofs in Redis with one atomic <c>SET NX</c> per proof (<see cref="RedisDPoPReplayStore"/>),
    /// so that of all the instances of the API exactly one accepts a proof, however many copies arrive at once. Uses the
    /// <see cref="IConnectionMultiplexer"/> registered in the services (the application's own connection). Without a
    /// replay-store registration, proofs are remembered in memory by each instance.
    /// </summary>
    public static IServiceCollection AddAuth0DPoPRedisReplayStore(this IServiceCollection services)
        => services.AddAuth0DPoPRedisReplayStore(static _ => { });

    /// <summary>
    /// Like <see cref="AddAuth0DPoPRedisReplayStore(IServiceCollection)"/>, on a connection of its own opened with the
    /// StackExchange.Redis <paramref name="configuration"/> string (as <c>RedisCacheOptions.Configuration</c>).
    /// </summary>
    public static IServiceCollection AddAuth0DPoPRedisReplayStore(this IServiceCollection services, string configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        return services.AddAuth0DPoPRedisReplayStore(options => options.Configuration = configuration);
    }

    /// <summary>
    /// Like <see cref="AddAuth0DPoPRedisReplayStore(IServiceCollection)"/>, with settings: the connection
    /// (<see cref="RedisDPoPReplayStoreOptions.Configuration"/> or <see cref="RedisDPoPReplayStoreOptions.ConnectionMultiplexerFactory"/>,
    /// else the registered <see cref="IConnectionMultiplexer"/>), the key prefix and the timeout. Validated at startup.
    /// </summary>
    public static IServiceCollection AddAuth0DPoPRedisReplayStore(this IServiceCollection services, Action<RedisDPoPReplayStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RedisDPoPReplayStoreOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisDPoPReplayStoreOptions>, RedisDPoPReplayStoreOptionsValidator>());
        services.Replace(ServiceDescriptor.Singleton<IDPoPReplayStore>(static provider =>
        {
            var registered = provider.GetService<IServiceProviderIsService>()?.IsService(typeof(IConnectionMultiplexer)) == true
                ? () => provider.GetRequiredService<IConnectionMultiplexer>()
                : (Func<IConnectionMultiplexer>?)null;
            return new RedisDPoPReplayStore(
                provider.GetRequiredService<IOptions<RedisDPoPReplayStoreOptions>>().Value,
                registered,
                provider.GetService<TimeProvider>() ?? TimeProvider.System,
                provider.GetService<ILoggerFactory>()?.CreateLogger<RedisDPoPReplayStore>() ?? (ILogger)NullLogger.Instance);
        }));
        return services;
    }
}
