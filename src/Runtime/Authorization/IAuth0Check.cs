namespace Auth0.Generated.Authorization;

/// <summary>
/// One compiled requirement check. The generator emits one per distinct requirement; the runtime interprets
/// attributes the generator did not see. A check is built once per endpoint and called once per request.
/// </summary>
public interface IAuth0Check
{
    /// <summary>
    /// Checks a validated token. Returns <c>null</c> when the requirement holds, or the failure to answer with.
    /// The success path must not allocate (return a completed <see cref="ValueTask{TResult}"/>).
    /// </summary>
    ValueTask<Auth0Failure?> CheckAsync(AccessToken token, HttpContext httpContext);
}
