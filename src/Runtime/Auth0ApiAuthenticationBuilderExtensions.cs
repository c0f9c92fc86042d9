using Auth0.Generated;
using Microsoft.AspNetCore.Authentication;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Adds the Auth0.Generated scheme to an <see cref="AuthenticationBuilder"/>, for applications that configure
/// authentication themselves (<c>services.AddAuthentication(...).AddCookie(...).AddAuth0Api()</c>).
/// </summary>
public static class Auth0ApiAuthenticationBuilderExtensions
{
    /// <summary>
    /// Adds the <c>Auth0</c> scheme and everything <see cref="Auth0ApiServiceCollectionExtensions.AddAuth0Api(IServiceCollection)"/>
    /// registers. The scheme name is always <see cref="Auth0ApiDefaults.AuthenticationScheme"/>: every requirement
    /// attribute names it. It becomes the default scheme only when the application named none in <c>AddAuthentication</c>.
    /// </summary>
    public static AuthenticationBuilder AddAuth0Api(this AuthenticationBuilder builder)
        => builder.AddAuth0Api(static _ => { });

    /// <summary>Like <see cref="AddAuth0Api(AuthenticationBuilder)"/>; <paramref name="configure"/> runs after configuration binding.</summary>
    public static AuthenticationBuilder AddAuth0Api(this AuthenticationBuilder builder, Action<Auth0ApiOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAuth0Api(configure);
        return builder;
    }
}
