using Microsoft.AspNetCore.Authorization;

namespace Auth0.Generated.Benchmarks.Stock;

/// <summary>
/// Auth0's ASP.NET Core quickstart requirement: one scope, from one issuer. The stock side of every comparison
/// (linked into benchmarks/StockApi and benchmarks/Auth0.Generated.Benchmarks).
/// </summary>
internal sealed class HasScopeRequirement(string scope, string issuer) : IAuthorizationRequirement
{
    public string Scope { get; } = scope;

    public string Issuer { get; } = issuer;
}

/// <summary>Auth0's ASP.NET Core quickstart handler: find the issuer's <c>scope</c> claim, split it, look for the scope.</summary>
internal sealed class HasScopeHandler : AuthorizationHandler<HasScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, HasScopeRequirement requirement)
    {
        if (!context.User.HasClaim(c => c.Type == "scope" && c.Issuer == requirement.Issuer))
        {
            return Task.CompletedTask;
        }

        var scopes = context.User.FindFirst(c => c.Type == "scope" && c.Issuer == requirement.Issuer)!.Value.Split(' ');
        if (scopes.Any(s => s == requirement.Scope))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
