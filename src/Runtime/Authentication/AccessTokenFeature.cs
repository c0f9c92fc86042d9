using System;
using Microsoft.AspNetCore.Http;

namespace Auth0.Generated;

/// <summary>The request feature that holds the validated access token (set by the Auth0 authentication scheme).</summary>
public interface IAccessTokenFeature
{
    /// <summary>The validated token, as the application's token type when the generator registered one.</summary>
    AccessToken AccessToken { get; }
}

/// <summary>Reads the validated access token of a request.</summary>
public static class Auth0HttpContextExtensions
{
    /// <summary>The request's validated access token, or null when the request was not authenticated by the Auth0 scheme.</summary>
    public static AccessToken? GetAccessToken(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<IAccessTokenFeature>()?.AccessToken;
    }

    /// <summary>
    /// The request's validated access token as <typeparamref name="TToken"/> (your <see cref="Auth0TokenAttribute"/> type),
    /// or null when the request was not authenticated by the Auth0 scheme.
    /// </summary>
    public static TToken? GetAccessToken<TToken>(this HttpContext context)
        where TToken : AccessToken, IAccessTokenFactory<TToken>
    {
        var token = context.GetAccessToken();
        return token switch
        {
            null => null,
            TToken typed => typed,
            _ => TToken.Create(token),
        };
    }
}

internal sealed class AccessTokenFeature : IAccessTokenFeature
{
    public AccessTokenFeature(AccessToken accessToken) => AccessToken = accessToken;

    public AccessToken AccessToken { get; }
}
