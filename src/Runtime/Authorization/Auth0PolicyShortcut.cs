using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Auth0.Generated.Authorization;

/// <summary>
/// The application-wide half of <see cref="Auth0PolicyEvaluator"/>: whether the shortcut may apply at all (decided once,
/// from the first request's services), the per-policy plans, and the metrics of each path (ours,
/// <c>auth0.authorization.evaluations</c>, recorded only while someone listens; and ASP.NET Core's
/// <c>aspnetcore.authorization.attempts</c> for the requests the shortcut answers).
/// </summary>
internal sealed class Auth0PolicyShortcut(Auth0.Generated.Diagnostics.Auth0Metrics? metrics = null)
{
    /// <summary>One shared success: <see cref="PolicyAuthorizationResult"/> is immutable.</summary>
    internal static readonly PolicyAuthorizationResult Success = PolicyAuthorizationResult.Success();

    /// <summary>The same success as a completed task, for the synchronous path.</summary>
    internal static readonly Task<PolicyAuthorizationResult> SuccessTask = Task.FromResult(Success);

    private static readonly ConditionalWeakTable<AuthorizationPolicy, Plan>.CreateValueCallback CreatePlan = static policy => new Plan(PlanOf(policy));

    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;

    private readonly ConditionalWeakTable<AuthorizationPolicy, Plan> _plans = new();
    private readonly Auth0.Generated.Diagnostics.Auth0Metrics? _metrics = metrics;
    private int _applies; // 0 not decided yet, 1 yes, 2 no

    /// <summary>ASP.NET Core's <c>aspnetcore.authorization.attempts</c> counter of this application, found when the shortcut was decided.</summary>
    private Counter<long>? _attempts;

    /// <summary>
    /// Counts a request the shortcut answered, and records it where ASP.NET Core's authorization service would have:
    /// <c>aspnetcore.authorization.attempts</c>, with the tags that service gives a passing evaluation of an endpoint's
    /// policy (no policy name: the middleware evaluates the combined policy), only while someone listens.
    /// </summary>
    internal void CountShortcut(HttpContext context)
    {
        _metrics?.AuthorizationEvaluated(shortcut: true);
        if (_attempts is { Enabled: true } attempts)
        {
            RecordAttempt(attempts, context.User);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RecordAttempt(Counter<long> attempts, System.Security.Claims.ClaimsPrincipal user)
    {
        var tags = new System.Diagnostics.TagList
        {
            { "aspnetcore.user.is_authenticated", user.Identity?.IsAuthenticated == true ? BoxedTrue : BoxedFalse },
            { "aspnetcore.authorization.result", "success" },
        };
        attempts.Add(1, tags);
    }

    /// <summary>Counts a request the stock evaluation decides (ASP.NET Core's own service records its attempt).</summary>
    internal void CountFallback() => _metrics?.AuthorizationEvaluated(shortcut: false);

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
            if (state == 1)
            {
                _attempts = FindAttemptsCounter(requestServices.GetService<IMeterFactory>());
            }

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

    /// <summary>
    /// The <c>aspnetcore.authorization.attempts</c> counter ASP.NET Core's authorization service of this application records
    /// to (meter <c>Microsoft.AspNetCore.Authorization</c> of the application's <see cref="IMeterFactory"/>, created with the
    /// service <see cref="Decide"/> resolved), or null on a framework without it. Found by listing the published
    /// instruments; nothing is enabled here.
    /// </summary>
    private static Counter<long>? FindAttemptsCounter(IMeterFactory? factory)
    {
        if (factory is null)
        {
            return null;
        }

        Counter<long>? found = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument is Counter<long> counter
                    && ReferenceEquals(instrument.Meter.Scope, factory)
                    && instrument.Meter.Name == "Microsoft.AspNetCore.Authorization"
                    && instrument.Name == "aspnetcore.authorization.attempts")
                {
                    found = counter;
                }
            },
        };
        listener.Start(); // calls InstrumentPublished for every instrument already published
        return found;
    }

    private static bool IsAspNetCores(object? service, Type stock)
        => service?.GetType() is { } type && (type == stock || (type.Assembly == stock.Assembly && stock.IsAssignableFrom(type)));

    private sealed class Plan(Auth0Requirement[]? requirements)
    {
        public Auth0Requirement[]? Requirements { get; } = requirements;
    }
}
