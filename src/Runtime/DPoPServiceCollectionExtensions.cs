using Auth0.Generated.DPoP;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the DPoP replay store of the Auth0.Generated runtime.</summary>
public static class DPoPServiceCollectionExtensions
{
    /// <summary>
    /// Remembers used DPoP proofs in the registered <see cref="IDistributedCache"/> (SQL Server, Redis, ...), so that
    /// every instance of the API refuses a proof used on any of them. <see cref="IDistributedCache"/> has no atomic
    /// add-if-absent: copies of one proof that arrive at once (on one instance or several) can all be accepted. On
    /// Redis, prefer <c>AddAuth0DPoPRedisReplayStore()</c> of the Auth0.Generated.StackExchangeRedis package, which cannot.
    /// </summary>
    public static IServiceCollection AddAuth0DPoPDistributedReplayStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Replace(ServiceDescriptor.Singleton<IDPoPReplayStore>(static provider => new DistributedCacheDPoPReplayStore(provider.GetRequiredService<IDistributedCache>())));
        return services;
    }
}
