namespace Auth0.Generated;

/// <summary>
/// Reads the validated access token of a request. The Auth0 authentication scheme stores it as the request feature
/// keyed by <see cref="AccessToken"/> (<c>HttpContext.Features.Get&lt;AccessToken&gt;()</c>), as the application's token
/// type when the generator registered one; generated <c>BindAsync</c> methods read the same feature.
/// </summary>
public static class Auth0HttpContextExtensions
{
    /// <summary>The request's validated access token, or null when the request was not authenticated by the Auth0 scheme.</summary>
    public static AccessToken? GetAccessToken(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<AccessToken>();
    }

    /// <summary>
    /// The request's validated access token as <typeparamref name="TToken"/> (your <see cref="Auth0TokenAttribute"/> type),
    /// or null when the request was not authenticated by the Auth0 scheme.
    /// </summary>
    /// <remarks>
    /// The signature asks only what your own declaration says (<c>partial class Token : AccessToken</c>), so other source
    /// generators, which cannot see generated code, compile handlers that call it: the Request Delegate Generator (on
    /// under Native AOT) infers a handler's return type from it. The token is created by the factory the generator
    /// registers for your type.
    /// </remarks>
    /// <exception cref="InvalidOperationException"><typeparamref name="TToken"/> is not the application's generated token type.</exception>
    public static TToken? GetAccessToken<TToken>(this HttpContext context)
        where TToken : AccessToken
    {
        var token = context.GetAccessToken();
        return token switch
        {
            null => null,
            TToken typed => typed,
            _ => GeneratedRegistrations.CreateToken(token) as TToken
                ?? throw new InvalidOperationException(
                    $"The validated token is not a {typeof(TToken).Name}: GetAccessToken<T>() reads the [Auth0Token] type the generator completed in this application."),
        };
    }
}
