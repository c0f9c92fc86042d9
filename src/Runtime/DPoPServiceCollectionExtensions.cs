using Auth0.Generated.DPoP;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the DPoP replay store of the Auth0.Generated runtime.</summary>
public static class DPoPServiceCollectionExtensions
{
    /// <summary>
    /// Remembers used DPoP proofs in the registered <see cref="IDistributedCache"/> (for example
    /// <c>AddStackExchangeRedisCache</c>), so that every instance of the API refuses a proof used on any of them.
    /// Without this call, proofs are remembered in memory by each instance.
    /// </summary>
    public static IServiceCollection AddAuth0DPoPDistributedReplayStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Replace(ServiceDescriptor.Singleton<IDPoPReplayStore>(static provider => new DistributedCacheDPoPReplayStore(provider.GetRequiredService<IDistributedCache>())));
        return services;
    }
}
