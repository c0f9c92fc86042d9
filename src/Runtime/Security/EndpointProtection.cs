using System.Globalization;
using System.Linq;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Auth0.Generated.Security;

/// <summary>How an endpoint is protected, in the terms of the snapshot and the OpenAPI document.</summary>
internal enum ProtectionKind
{
    /// <summary><c>[AllowAnonymous]</c> / <c>.AllowAnonymous()</c>: authorization is skipped.</summary>
    Anonymous,

    /// <summary>Nothing protects the endpoint and there is no fallback policy.</summary>
    Open,

    /// <summary>A policy applies (the endpoint's own, or the fallback policy).</summary>
    Protected,
}

/// <summary>
/// The effective protection of one endpoint, computed from its metadata as ASP.NET Core's authorization middleware
/// combines it: <see cref="IAllowAnonymous"/> wins; otherwise <see cref="IAuthorizeData"/> (with the default policy when
/// it names no policy or roles), <see cref="AuthorizationPolicy"/> metadata and <see cref="IAuthorizationRequirementData"/>
/// (every Auth0.Generated requirement) make one policy whose requirements all hold; with none of them, the fallback
/// policy applies (or nothing does).
/// </summary>
/// <param name="Kind">Anonymous, open or protected.</param>
/// <param name="FromFallback">Whether the policy is the fallback policy (the endpoint declares nothing).</param>
/// <param name="PolicyNames">The named policies the endpoint asks for, in declaration order.</param>
/// <param name="Schemes">The authentication schemes of the policy (empty: the default scheme).</param>
/// <param name="Requirements">Every requirement of the policy, in order (all must hold).</param>
internal sealed record EndpointProtection(
    ProtectionKind Kind,
    bool FromFallback,
    IReadOnlyList<string> PolicyNames,
    IReadOnlyList<string> Schemes,
    IReadOnlyList<IAuthorizationRequirement> Requirements)
{

    /// <summary>
    /// Whether the policy requires an authenticated user: explicitly, or through a requirement only a signed-in user can
    /// meet (every Auth0.Generated requirement, a role, a claim, a user name).
    /// </summary>
    public bool RequiresAuthentication => Requirements.Any(r => r is DenyAnonymousAuthorizationRequirement or Auth0Requirement
        or RolesAuthorizationRequirement or ClaimsAuthorizationRequirement or NameAuthorizationRequirement);

    /// <summary>The <see cref="RequireScopesAttribute"/> declarations: each set must be present in full.</summary>
    public IEnumerable<IReadOnlyList<string>> AllOfScopes => Declarations<RequireScopesAttribute>().Select(a => (IReadOnlyList<string>)a.Scopes);

    /// <summary>The <see cref="RequireAnyScopeAttribute"/> declarations: one scope of each set must be present.</summary>
    public IEnumerable<IReadOnlyList<string>> AnyOfScopes => Declarations<RequireAnyScopeAttribute>().Select(a => (IReadOnlyList<string>)a.Scopes);

    /// <summary>Whether the endpoint requires the DPoP scheme (<see cref="RequireDPoPAttribute"/>).</summary>
    public bool RequiresDPoP => Declarations<RequireDPoPAttribute>().Any();

    /// <summary>Whether some requirement may answer 403 (a scope, a role, or any requirement that is not ours nor authentication).</summary>
    public bool MayForbid => Requirements.Any(r => r switch
    {
        Auth0Requirement { Declaration: RequireScopesAttribute or RequireAnyScopeAttribute or RequireRolesAttribute } => true,
        Auth0Requirement or DenyAnonymousAuthorizationRequirement => false,
        _ => true,
    });

    private IEnumerable<T> Declarations<T>() where T : Auth0RequirementAttribute
        => Requirements.OfType<Auth0Requirement>().Select(r => r.Declaration).OfType<T>();

    /// <summary>Computes the protection of an endpoint from its metadata.</summary>
    public static async Task<EndpointProtection> ComputeAsync(EndpointMetadataCollection metadata, IAuthorizationPolicyProvider policies)
    {
        if (metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return new(ProtectionKind.Anonymous, false, [], [], []);
        }

        var authorizeData = metadata.GetOrderedMetadata<IAuthorizeData>();
        var endpointPolicies = metadata.GetOrderedMetadata<AuthorizationPolicy>();
        var requirementData = metadata.GetOrderedMetadata<IAuthorizationRequirementData>();
        var policyNames = authorizeData.Select(d => d.Policy).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();

        AuthorizationPolicy? policy;
        var fromFallback = false;
        if (authorizeData.Count == 0 && endpointPolicies.Count == 0 && requirementData.Count == 0)
        {
            policy = await policies.GetFallbackPolicyAsync().ConfigureAwait(false);
            fromFallback = policy is not null;
        }
        else
        {
            policy = await AuthorizationPolicy.CombineAsync(policies, authorizeData, endpointPolicies).ConfigureAwait(false);
            if (requirementData.Count > 0)
            {
                var builder = new AuthorizationPolicyBuilder();
                foreach (var data in requirementData)
                {
                    builder.AddRequirements([.. data.GetRequirements()]);
                }

                policy = policy is null ? builder.Build() : AuthorizationPolicy.Combine(policy, builder.Build());
            }
        }

        if (policy is null)
        {
            return new(ProtectionKind.Open, false, [], [], []);
        }

        var schemes = policy.AuthenticationSchemes.Distinct(StringComparer.Ordinal).ToArray();
        return new(ProtectionKind.Protected, fromFallback, policyNames, schemes, [.. policy.Requirements]);
    }

    /// <summary>
    /// The readable text of every requirement except authentication and scopes (which the OpenAPI security requirement
    /// carries): <c>isAdmin == true</c>, <c>roles includes admin, editor</c>, a check's message.
    /// </summary>
    public IReadOnlyList<string> ClaimDescriptions()
        => [.. Requirements
            .Where(r => r is not DenyAnonymousAuthorizationRequirement
                && r is not Auth0Requirement { Declaration: RequireScopesAttribute or RequireAnyScopeAttribute })
            .Select(Describe)
            .Distinct(StringComparer.Ordinal)];

    /// <summary>The snapshot text: the protection's items joined by <c>; </c>.</summary>
    public string Describe()
    {
        switch (Kind)
        {
            case ProtectionKind.Anonymous:
                return "anonymous";
            case ProtectionKind.Open:
                return "open";
        }

        var items = new List<string>();
        if (FromFallback)
        {
            items.Add("fallback policy");
        }

        foreach (var name in PolicyNames)
        {
            items.Add("policy " + name);
        }

        if (RequiresAuthentication)
        {
            items.Add(Schemes.Count == 0 ? "authenticated" : $"authenticated ({string.Join(", ", Schemes)})");
        }
        else if (Schemes.Count > 0)
        {
            items.Add($"schemes ({string.Join(", ", Schemes)})");
        }

        foreach (var requirement in Requirements)
        {
            if (requirement is DenyAnonymousAuthorizationRequirement)
            {
                continue;
            }

            var text = Describe(requirement);
            if (!items.Contains(text))
            {
                items.Add(text);
            }
        }

        return string.Join("; ", items);
    }

    /// <summary>The readable text of one requirement.</summary>
    internal static string Describe(IAuthorizationRequirement requirement) => requirement switch
    {
        Auth0Requirement { Declaration: var declaration } => Describe(declaration),
        RolesAuthorizationRequirement roles => "roles any of: " + string.Join(", ", roles.AllowedRoles),
        ClaimsAuthorizationRequirement { AllowedValues: { } values } claims when values.Any() => $"{claims.ClaimType} any of: {string.Join(", ", values)}",
        ClaimsAuthorizationRequirement claims => $"has {claims.ClaimType}",
        NameAuthorizationRequirement name => $"user name == {name.RequiredName}",
        AssertionRequirement => "assertion (code)",
        _ => requirement.GetType().FullName ?? requirement.GetType().Name,
    };

    private static string Describe(Auth0RequirementAttribute declaration) => declaration switch
    {
        RequireScopesAttribute all => "scopes all of: " + string.Join(", ", all.Scopes),
        RequireAnyScopeAttribute any => "scopes any of: " + string.Join(", ", any.Scopes),
        RequireRolesAttribute roles => "roles any of: " + string.Join(", ", roles.Roles),
        ClaimEqualsAttribute equals => $"{equals.Claim} == {FormatValue(equals.Kind, equals.Value)}",
        ClaimIncludesAttribute includes => $"{includes.Claim} includes {string.Join(", ", includes.Values)}",
        ClaimCheckAttribute check => $"check {check.Type.FullName ?? check.Type.Name}.{check.Method}: {check.Message ?? ClaimCheckAttribute.DefaultMessage}",
        DelegateClaimCheckAttribute check => "check: " + check.Message,
        RequireDPoPAttribute => "DPoP (bound token and proof)",
        _ => declaration.RequirementKey.Replace('\n', ' '),
    };

    private static string FormatValue(ClaimValueKind kind, object value) => kind switch
    {
        ClaimValueKind.String => "\"" + ((string)value).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        ClaimValueKind.Boolean => (bool)value ? "true" : "false",
        ClaimValueKind.Integer => ((long)value).ToString(CultureInfo.InvariantCulture),
        _ => ((double)value).ToString("R", CultureInfo.InvariantCulture),
    };
}
