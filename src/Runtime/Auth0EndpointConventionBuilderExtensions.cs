using Microsoft.AspNetCore.Builder;

namespace Auth0.Generated;

/// <summary>
/// Requirement conventions for routes and route groups: each adds the same requirement object the matching attribute
/// would, as endpoint metadata. Several requirements must all hold (AND); on a group they apply to every route in it.
/// </summary>
public static class Auth0EndpointConventionBuilderExtensions
{
    /// <summary>Requires <b>every one</b> of <paramref name="scopes"/> (all-of), like <see cref="RequireScopesAttribute"/>.</summary>
    public static TBuilder RequireScopes<TBuilder>(this TBuilder builder, params string[] scopes)
        where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new RequireScopesAttribute(scopes));

    /// <summary>Requires <b>at least one</b> of <paramref name="scopes"/> (any-of), like <see cref="RequireAnyScopeAttribute"/>.</summary>
    public static TBuilder RequireAnyScope<TBuilder>(this TBuilder builder, params string[] scopes)
        where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new RequireAnyScopeAttribute(scopes));

    /// <summary>Requires at least one of <paramref name="roles"/> (any-of), like <see cref="RequireRolesAttribute"/>.</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params string[] roles)
        where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new RequireRolesAttribute(roles));

    /// <summary>Requires a DPoP-bound token and a valid proof (RFC 9449), like <see cref="RequireDPoPAttribute"/>.</summary>
    public static TBuilder RequireDPoP<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new RequireDPoPAttribute());

    /// <summary>Requires the string claim <paramref name="claim"/> to equal <paramref name="value"/> (ordinal).</summary>
    public static TBuilder RequireClaimEquals<TBuilder>(this TBuilder builder, string claim, string value)
        where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new ClaimEqualsAttribute(claim, value));

    /// <summary>Requires the boolean claim <paramref name="claim"/> to equal <paramref name="value"/> (<c>"true"</c> is not <c>true</c>).</summary>
    public static TBuilder RequireClaimEquals<TBuilder>(this TBuilder builder, string claim, bool value)
        where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new ClaimEqualsAttribute(claim, value));

    /// <summary>Requires the integer claim <paramref name="claim"/> to equal <paramref name="value"/>.</summary>
    public static TBuilder RequireClaimEquals<TBuilder>(this TBuilder builder, string claim, long value)
        where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new ClaimEqualsAttribute(claim, value));

    /// <summary>Requires the number claim <paramref name="claim"/> to equal <paramref name="value"/>.</summary>
    public static TBuilder RequireClaimEquals<TBuilder>(this TBuilder builder, string claim, double value)
        where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new ClaimEqualsAttribute(claim, value));

    /// <summary>Requires the list claim <paramref name="claim"/> to contain <b>every one</b> of <paramref name="values"/>.</summary>
    public static TBuilder RequireClaimIncludes<TBuilder>(this TBuilder builder, string claim, params string[] values)
        where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new ClaimIncludesAttribute(claim, values));

    /// <summary>
    /// Requires <paramref name="check"/> to return true; otherwise (or when it throws) the answer is 401 invalid_token
    /// with <paramref name="message"/> (<see cref="ClaimCheckAttribute.DefaultMessage"/> when null).
    /// </summary>
    public static TBuilder RequireClaimCheck<TBuilder>(this TBuilder builder, Func<AccessToken, bool> check, string? message = null)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(check);
        return builder.WithMetadata(new DelegateClaimCheckAttribute((token, _) => new ValueTask<bool>(check(token)), message));
    }

    /// <summary>Like <see cref="RequireClaimCheck{TBuilder}(TBuilder, Func{AccessToken, bool}, string?)"/>, asynchronous and with the request.</summary>
    public static TBuilder RequireClaimCheck<TBuilder>(this TBuilder builder, Func<AccessToken, HttpContext, ValueTask<bool>> check, string? message = null)
        where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new DelegateClaimCheckAttribute(check, message));

    /// <summary>Like <see cref="RequireClaimCheck{TBuilder}(TBuilder, Func{AccessToken, bool}, string?)"/>, on your typed token.</summary>
    public static TBuilder RequireClaimCheck<TBuilder, TToken>(this TBuilder builder, Func<TToken, bool> check, string? message = null)
        where TBuilder : IEndpointConventionBuilder
        where TToken : AccessToken, IAccessTokenFactory<TToken>
    {
        ArgumentNullException.ThrowIfNull(check);
        return builder.WithMetadata(new DelegateClaimCheckAttribute(
            (token, _) => new ValueTask<bool>(check(token as TToken ?? TToken.Create(token))), message));
    }
}
