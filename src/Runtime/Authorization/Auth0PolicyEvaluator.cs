using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Auth0.Generated.Authorization;

/// <summary>
/// ASP.NET Core's <see cref="PolicyEvaluator"/> with a shortcut for the requests whose outcome is already known (issue 13
/// item 2): when an endpoint's policy holds only <see cref="Auth0Requirement"/>s and the "authenticated user" requirement
/// (or that requirement alone: a plain <c>[Authorize]</c>), the request was authenticated by the Auth0 scheme, every
/// check passes, and the application registered no authorization service, evaluator or handler of its own, it answers
/// success without authenticating the scheme a second time, merging principals, or building an
/// <see cref="AuthorizationHandlerContext"/>. Everything else, every
/// failure included, goes through the stock evaluator, so every answer (401, 403, the application's own handlers and
/// policies) comes from exactly where it came from before.
/// </summary>
/// <remarks>
/// Transient like the evaluator it replaces: the middleware's two calls for one request (authenticate, then authorize)
/// share the request's stock evaluator, made only when one of them needs it, so a request the shortcut does not answer
/// resolves the request's <see cref="IAuthorizationService"/> once, as without Auth0.Generated.
/// </remarks>
internal sealed class Auth0PolicyEvaluator(IServiceProvider requestServices, Auth0PolicyShortcut shortcut) : IPolicyEvaluator
{
    private readonly IServiceProvider _requestServices = requestServices;
    private readonly Auth0PolicyShortcut _shortcut = shortcut;
    private PolicyEvaluator? _stock;
    private AuthorizationPolicy? _planned;
    private Auth0Requirement[]? _plan;

    private PolicyEvaluator Stock => _stock ??= new PolicyEvaluator(_requestServices.GetRequiredService<IAuthorizationService>());

    public Task<AuthenticateResult> AuthenticateAsync(AuthorizationPolicy policy, HttpContext context)
    {
        // The stock evaluator authenticates the policy's schemes again and merges their principals into a new one. When
        // the policy names only the scheme the authentication middleware already ran, and that run succeeded with the
        // request's principal, the merge would rebuild the same principal: hand back the result the middleware stored (for
        // a policy that names no scheme, the stock evaluator hands back that same stored result).
        if (_shortcut.Applies(context.RequestServices)
            && PlanFor(policy) is not null
            && context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult is { Succeeded: true } result
            && ReferenceEquals(result.Principal, context.User)
            && SchemesMatch(policy, result.Ticket!.AuthenticationScheme))
        {
            return Task.FromResult(result);
        }

        return Stock.AuthenticateAsync(policy, context);
    }

    public Task<PolicyAuthorizationResult> AuthorizeAsync(AuthorizationPolicy policy, AuthenticateResult authenticationResult, HttpContext context, object? resource)
    {
        if (authenticationResult is { Succeeded: true }
            && _shortcut.Applies(context.RequestServices)
            && PlanFor(policy) is { } requirements
            && IsAuthenticated(context)
            && context.GetAccessToken() is { } token)
        {
            var hold = AllHoldAsync(requirements, token, context);
            if (!hold.IsCompletedSuccessfully)
            {
                return AwaitShortcutAsync(hold, policy, authenticationResult, context, resource);
            }

            if (hold.Result)
            {
                // Synchronous checks (every generated one): no state machine, one shared completed task.
                _shortcut.CountShortcut(context);
                return Auth0PolicyShortcut.SuccessTask;
            }
        }

        // A failure (or anything the shortcut does not cover): the stock evaluation decides and explains.
        return Fallback(policy, authenticationResult, context, resource);
    }

    private async Task<PolicyAuthorizationResult> AwaitShortcutAsync(ValueTask<bool> hold, AuthorizationPolicy policy, AuthenticateResult authenticationResult, HttpContext context, object? resource)
    {
        if (await hold.ConfigureAwait(false))
        {
            _shortcut.CountShortcut(context);
            return Auth0PolicyShortcut.Success;
        }

        return await Fallback(policy, authenticationResult, context, resource).ConfigureAwait(false);
    }

    /// <summary>The stock evaluation of a request (counted once per request: the middleware authorizes every request once).</summary>
    private Task<PolicyAuthorizationResult> Fallback(AuthorizationPolicy policy, AuthenticateResult authenticationResult, HttpContext context, object? resource)
    {
        _shortcut.CountFallback();
        return Stock.AuthorizeAsync(policy, authenticationResult, context, resource);
    }

    /// <summary>The policy's plan, looked up once per request: the middleware hands both calls the same policy.</summary>
    private Auth0Requirement[]? PlanFor(AuthorizationPolicy policy)
    {
        if (!ReferenceEquals(policy, _planned))
        {
            _plan = _shortcut.PlanFor(policy);
            _planned = policy;
        }

        return _plan;
    }

    private static bool SchemesMatch(AuthorizationPolicy policy, string scheme)
    {
        var schemes = policy.AuthenticationSchemes;
        for (var i = 0; i < schemes.Count; i++)
        {
            if (!string.Equals(schemes[i], scheme, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What <see cref="DenyAnonymousAuthorizationRequirement"/> checks.</summary>
    private static bool IsAuthenticated(HttpContext context)
    {
        foreach (var identity in context.User.Identities)
        {
            if (identity.IsAuthenticated)
            {
                return true;
            }
        }

        return false;
    }

    private static async ValueTask<bool> AllHoldAsync(Auth0Requirement[] requirements, AccessToken token, HttpContext context)
    {
        foreach (var requirement in requirements)
        {
            try
            {
                if (await requirement.Check.CheckAsync(token, context).ConfigureAwait(false) is not null)
                {
                    return false;
                }
            }
#pragma warning disable CA1031 // A check that throws is the stock path's to log and answer (401); here it only ends the shortcut.
            catch (Exception)
#pragma warning restore CA1031
            {
                return false;
            }
        }

        return true;
    }
}
