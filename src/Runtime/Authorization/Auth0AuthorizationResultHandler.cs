using Auth0.Generated.Authentication;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Auth0.Generated.Authorization;

/// <summary>
/// Answers the policy failures our handler produced (403 insufficient_scope naming the scopes, 401 invalid_token with the
/// check's description); everything else goes to the handler the application had registered before
/// <c>AddAuth0Api</c> (ASP.NET Core's default when it had none), which this one wraps rather than replaces.
/// </summary>
internal sealed class Auth0AuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly IAuthorizationMiddlewareResultHandler _inner;

    public Auth0AuthorizationResultHandler(IAuthorizationMiddlewareResultHandler? inner = null)
        => _inner = inner ?? new AuthorizationMiddlewareResultHandler();

    /// <summary>The handler that answers everything that is not one of our failures.</summary>
    internal IAuthorizationMiddlewareResultHandler Inner => _inner;

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure is { } failure)
        {
            foreach (var reason in failure.FailureReasons)
            {
                if (reason is Auth0FailureReason auth0)
                {
                    return Auth0Responses.WriteFailureAsync(context.Response, auth0.Failure);
                }
            }
        }

        return _inner.HandleAsync(next, context, policy, authorizeResult);
    }
}
