using Auth0.Generated;
using Auth0.Generated.Authentication;
using Auth0.Generated.Configuration;
using Auth0.Generated.Development;
using Auth0.Generated.DPoP;
using Auth0.Generated.Diagnostics;
using Auth0.Generated.Keys;
using Auth0.Generated.Validation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Auth0.Generated runtime.</summary>
public static class Auth0ApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <c>Auth0</c> authentication scheme (as the default scheme), authorization, and the handlers of the
    /// requirement attributes and conventions. Options come from the <c>Auth0</c> configuration section and the
    /// <c>AUTH0_DOMAIN</c> / <c>AUTH0_AUDIENCE</c> keys, and are validated at startup.
    /// </summary>
    public static AuthenticationBuilder AddAuth0Api(this IServiceCollection services)
        => services.AddAuth0Api(static _ => { });

    /// <summary>
    /// Like <see cref="AddAuth0Api(IServiceCollection)"/>; <paramref name="configure"/> runs after the options are
    /// bound from configuration, so code wins over configuration.
    /// </summary>
    public static AuthenticationBuilder AddAuth0Api(this IServiceCollection services, Action<Auth0ApiOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        return AddScheme(services, Auth0ApiDefaults.AuthenticationScheme, configure);
    }

    /// <summary>
    /// Registers the runtime's services (once) and the scheme <paramref name="scheme"/> of the <c>Auth0</c> handler, its
    /// options bound from the <c>Auth0</c> configuration section and then <paramref name="configure"/>, validated at startup.
    /// </summary>
    internal static AuthenticationBuilder AddScheme(IServiceCollection services, string scheme, Action<Auth0ApiOptions> configure)
    {
        // Bind first, so the caller's configure action (registered by AddScheme below) runs after it.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<Auth0ApiOptions>, Auth0ApiOptionsBinder>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Auth0ApiOptions>, Auth0ApiOptionsValidator>());
        services.AddOptions<Auth0ApiOptions>(scheme).ValidateOnStart();
        if (scheme != Auth0ApiDefaults.AuthenticationScheme)
        {
            services.AddSingleton(new Auth0SchemeName(scheme));
        }

        services.AddHttpClient(Auth0ApiDefaults.BackchannelHttpClientName);
        services.TryAddSingleton<Auth0ValidatorProvider>();
        services.TryAddSingleton<DPoPSchemeProvider>();
        services.TryAddSingleton<Auth0SchemeSelector>();
        services.TryAddSingleton<IDPoPReplayStore>(static provider => InMemoryReplayStore(provider));
        services.AddMetrics();
        services.TryAddSingleton<Auth0Metrics>();
        services.TryAddSingleton<IAccessTokenValidator, Auth0AccessTokenValidator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SigningKeysWarmUp>());
        services.TryAddSingleton<DevelopmentIssuer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, DevelopmentIssuerStartupFilter>());

        services.AddAuthorization();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, Auth0AuthorizationHandler>());
        WrapResultHandler(services);
        UseShortcutPolicyEvaluator(services);

        // AddAuthentication() would also add data protection, which bearer tokens never use and which writes a key ring
        // under $HOME/.aspnet at startup. Register what the scheme needs; an app that adds cookies calls AddAuthentication
        // itself and gets data protection then.
        services.AddAuthenticationCore(options => options.DefaultScheme ??= Auth0ApiDefaults.AuthenticationScheme);
        services.AddWebEncoders();
        services.TryAddSingleton(TimeProvider.System);
        return new AuthenticationBuilder(services)
            .AddScheme<Auth0ApiOptions, Auth0AuthenticationHandler>(scheme, configure);
    }

    /// <summary>
    /// The default replay store: in memory, sized by the scheme's <see cref="DPoPOptions.ReplayCacheSize"/>, on the
    /// scheme's clock (the one the validator dates proofs with).
    /// </summary>
    private static InMemoryDPoPReplayStore InMemoryReplayStore(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptionsMonitor<Auth0ApiOptions>>().Get(Auth0ApiDefaults.AuthenticationScheme);
        return new InMemoryDPoPReplayStore(
            options.TimeProvider ?? provider.GetRequiredService<TimeProvider>(),
            options.DPoP.ReplayCacheSize,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<InMemoryDPoPReplayStore>());
    }

    /// <summary>
    /// Registers <see cref="Auth0AuthorizationResultHandler"/> around the application's own
    /// <see cref="IAuthorizationMiddlewareResultHandler"/> when one was registered before (ASP.NET Core's default
    /// otherwise), so our 403/401 answers and the application's handling of every other result both stay in force.
    /// </summary>
    private static void WrapResultHandler(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(ResultHandlerWrapped))
            {
                return;
            }
        }

        services.AddSingleton<ResultHandlerWrapped>();
        ServiceDescriptor? existing = null;
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(IAuthorizationMiddlewareResultHandler) && !services[i].IsKeyedService)
            {
                existing = services[i];
                break;
            }
        }

        if (existing is not null)
        {
            services.Remove(existing);
        }

        services.AddSingleton<IAuthorizationMiddlewareResultHandler>(provider => new Auth0AuthorizationResultHandler(existing switch
        {
            null => null,
            { ImplementationInstance: IAuthorizationMiddlewareResultHandler instance } => instance,
            { ImplementationFactory: { } factory } => (IAuthorizationMiddlewareResultHandler)factory(provider),
            { ImplementationType: { } type } => (IAuthorizationMiddlewareResultHandler)ActivatorUtilities.CreateInstance(provider, type),
            _ => null,
        }));
    }

    /// <summary>
    /// Puts <see cref="Auth0PolicyEvaluator"/> in place of ASP.NET Core's <see cref="PolicyEvaluator"/> when that is the
    /// evaluator registered (an application's own evaluator, registered before or after, is left to do its work).
    /// </summary>
    private static void UseShortcutPolicyEvaluator(IServiceCollection services)
    {
        services.TryAddSingleton<Auth0PolicyShortcut>();
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(IPolicyEvaluator) && !services[i].IsKeyedService)
            {
                if (services[i].ImplementationType == typeof(PolicyEvaluator))
                {
                    services[i] = ServiceDescriptor.Transient<IPolicyEvaluator>(static provider => new Auth0PolicyEvaluator(provider, provider.GetRequiredService<Auth0PolicyShortcut>()));
                }

                return;
            }
        }
    }

    /// <summary>Marks a collection whose result handler <see cref="WrapResultHandler"/> has wrapped already.</summary>
    private sealed class ResultHandlerWrapped;
}
