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
    /// registers. The scheme name is <see cref="Auth0ApiDefaults.AuthenticationScheme"/>: every requirement attribute
    /// names it (a further scheme with other options: <see cref="AddAuth0Api(AuthenticationBuilder, string, Action{Auth0ApiOptions})"/>).
    /// It becomes the default scheme only when the application named none in <c>AddAuthentication</c>.
    /// </summary>
    public static AuthenticationBuilder AddAuth0Api(this AuthenticationBuilder builder)
        => builder.AddAuth0Api(static _ => { });

    /// <summary>
    /// Adds a further scheme of the Auth0 handler, named <paramref name="authenticationScheme"/>, for endpoints that need
    /// other options than the <c>Auth0</c> scheme, typically another DPoP mode (docs/dpop.md, "Per endpoint"). Its
    /// options are bound from the same <c>Auth0</c> configuration section (same tenant and audience), then
    /// <paramref name="configure"/> runs; they are validated at startup. Register the <c>Auth0</c> scheme too
    /// (<c>AddAuth0Api()</c>): every requirement attribute names it. An endpoint selects the further scheme with
    /// <c>.RequireAuthorization(p =&gt; p.AddAuthenticationSchemes(name).RequireAuthenticatedUser())</c> or
    /// <c>[Authorize(AuthenticationSchemes = name)]</c>; the <c>Auth0</c> scheme then steps aside on that endpoint, so
    /// the further scheme alone authenticates and answers, and the requirement attributes check its token.
    /// </summary>
    public static AuthenticationBuilder AddAuth0Api(this AuthenticationBuilder builder, string authenticationScheme, Action<Auth0ApiOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(authenticationScheme);
        ArgumentNullException.ThrowIfNull(configure);
        if (authenticationScheme == Auth0ApiDefaults.AuthenticationScheme)
        {
            return builder.AddAuth0Api(configure);
        }

        Auth0ApiServiceCollectionExtensions.AddScheme(builder.Services, authenticationScheme, configure);
        return builder;
    }

    /// <summary>Like <see cref="AddAuth0Api(AuthenticationBuilder)"/>; <paramref name="configure"/> runs after configuration binding.</summary>
    public static AuthenticationBuilder AddAuth0Api(this AuthenticationBuilder builder, Action<Auth0ApiOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAuth0Api(configure);
        return builder;
    }
}
