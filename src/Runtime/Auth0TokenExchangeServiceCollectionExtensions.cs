using Auth0.Generated;
using Auth0.Generated.Development;
using Auth0.Generated.TokenExchange;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the token exchange client (Custom Token Exchange and Token Vault).</summary>
public static class Auth0TokenExchangeServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ITokenExchangeClient"/> and <see cref="Auth0TokenVault"/>, configured from <c>AUTH0_DOMAIN</c>,
    /// <c>AUTH0_CLIENT_ID</c>, <c>AUTH0_CLIENT_SECRET</c> and the <c>Auth0</c> section, then <paramref name="configure"/>.
    /// Requests use the <see cref="Auth0ApiDefaults.BackchannelHttpClientName"/> client of <c>IHttpClientFactory</c>.
    /// With <c>AddAuth0Api</c> on the development issuer (Development, no domain), that issuer also serves the token
    /// endpoint for both exchanges. The configuration is checked at the first exchange.
    /// </summary>
    public static IServiceCollection AddAuth0TokenExchange(this IServiceCollection services, Action<Auth0TokenExchangeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<Auth0TokenExchangeOptions>, Auth0TokenExchangeOptionsBinder>());
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddHttpClient(Auth0ApiDefaults.BackchannelHttpClientName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TokenEndpointResolver>();
        services.TryAddSingleton<ITokenExchangeClient, TokenExchangeClient>();
        services.TryAddSingleton<Auth0TokenVault>();
        services.TryAddSingleton<DevelopmentIssuer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, DevelopmentTokenEndpoint>());
        return services;
    }
}
