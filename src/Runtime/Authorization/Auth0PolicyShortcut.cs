using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Auth0.Generated.Authorization;

/// <summary>
/// The application-wide half of <see cref="Auth0PolicyEvaluator"/>: whether the shortcut may apply at all (decided once,
/// from the first request's services), the per-policy plans, and how often each path ran (for tests and diagnostics).
/// </summary>
internal sealed class Auth0PolicyShortcut
{
    /// <summary>One shared success: <see cref="PolicyAuthorizationResult"/> is immutable.</summary>
    internal static readonly PolicyAuthorizationResult Success = PolicyAuthorizationResult.Success();

    /// <summary>The same success as a completed task, for the synchronous path.</summary>
    internal static readonly Task<PolicyAuthorizationResult> SuccessTask = Task.FromResult(Success);

    private static readonly ConditionalWeakTable<AuthorizationPolicy, Plan>.CreateValueCallback CreatePlan = static policy => new Plan(PlanOf(policy));

    private readonly ConditionalWeakTable<AuthorizationPolicy, Plan> _plans = new();
    private int _applies; // 0 not decided yet, 1 yes, 2 no
    private long _shortcuts;
    private long _fallbacks;

    /// <summary>Requests the shortcut answered.</summary>
    public long Shortcuts => Interlocked.Read(ref _shortcuts);

    /// <summary>Requests that used the stock evaluator.</summary>
    public long Fallbacks => Interlocked.Read(ref _fallbacks);

    internal void CountShortcut() => Interlocked.Increment(ref _shortcuts);

    internal void CountFallback() => Interlocked.Increment(ref _fallbacks);

    /// <summary>
    /// True when the application's authorization services are ASP.NET Core's own and its only handlers are ours and
    /// the pass-through handler: then the stock evaluation of a policy of our requirements can only run our checks, and
    /// skipping it changes no answer. An application with a handler of its own (which may look at any requirement) or
    /// its own authorization service keeps the stock evaluation for every request.
    /// </summary>
    public bool Applies(IServiceProvider requestServices)
    {
        var state = Volatile.Read(ref _applies);
        if (state == 0)
        {
            state = Decide(requestServices) ? 1 : 2;
            Volatile.Write(ref _applies, state);
        }

        return state == 1;
    }

    /// <summary>
    /// The policy's <see cref="Auth0Requirement"/>s when it holds nothing else but the "authenticated user" requirement
    /// (empty for a policy of that requirement alone: a plain <c>[Authorize]</c>, <c>RequireAuthorization()</c> or a
    /// <c>RequireAuthenticatedUser()</c> fallback policy); otherwise null.
    /// </summary>
    public Auth0Requirement[]? PlanFor(AuthorizationPolicy policy) => _plans.GetValue(policy, CreatePlan).Requirements;

    private static Auth0Requirement[]? PlanOf(AuthorizationPolicy policy)
    {
        var count = 0;
        var authenticated = false;
        foreach (var requirement in policy.Requirements)
        {
            switch (requirement)
            {
                case Auth0Requirement:
                    count++;
                    break;
                case DenyAnonymousAuthorizationRequirement:
                    authenticated = true;
                    break;
                default:
                    return null;
            }
        }

        if (count == 0)
        {
            return authenticated ? [] : null;
        }

        var requirements = new Auth0Requirement[count];
        var i = 0;
        foreach (var requirement in policy.Requirements)
        {
            if (requirement is Auth0Requirement ours)
            {
                requirements[i++] = ours;
            }
        }

        return requirements;
    }

    private static bool Decide(IServiceProvider services)
    {
        // Exact types: a class derived from one of ASP.NET Core's may change what it decides. ASP.NET Core registers its
        // own internal subclass of DefaultAuthorizationService (it adds the aspnetcore.authorization metrics).
        if (!IsAspNetCores(services.GetService<IAuthorizationService>(), typeof(DefaultAuthorizationService))
            || services.GetService<IAuthorizationHandlerProvider>()?.GetType() != typeof(DefaultAuthorizationHandlerProvider)
            || services.GetService<IAuthorizationEvaluator>()?.GetType() != typeof(DefaultAuthorizationEvaluator)
            || services.GetService<IAuthorizationHandlerContextFactory>()?.GetType() != typeof(DefaultAuthorizationHandlerContextFactory))
        {
            return false;
        }

        foreach (var handler in services.GetServices<IAuthorizationHandler>())
        {
            var type = handler.GetType();
            if (type != typeof(Auth0AuthorizationHandler) && type != typeof(PassThroughAuthorizationHandler))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAspNetCores(object? service, Type stock)
        => service?.GetType() is { } type && (type == stock || (type.Assembly == stock.Assembly && stock.IsAssignableFrom(type)));

    private sealed class Plan(Auth0Requirement[]? requirements)
    {
        public Auth0Requirement[]? Requirements { get; } = requirements;
    }
}
