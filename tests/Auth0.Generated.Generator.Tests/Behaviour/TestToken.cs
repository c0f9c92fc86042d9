using System.Text.Json.Serialization;

namespace Auth0.Generated.Generator.Tests.Behaviour;

public enum Plan
{
    Free,
    [JsonStringEnumMemberName("premium-plus")]
    Premium,
}

/// <summary>The test project's own token type: the generator (referenced as an analyzer) completes it.</summary>
[Auth0Token]
public partial class TestToken : AccessToken
{
    public partial string? Tier { get; }
    [Claim("name")] public partial string Name { get; }
    [Claim("https://myapp.com/org_id")] public partial string? OrgId { get; }
    public partial bool? IsAdmin { get; }
    public partial bool Verified { get; }
    public partial int? Level { get; }
    public partial int Count { get; }
    public partial long? Quota { get; }
    public partial long Big { get; }
    public partial double? Ratio { get; }
    public partial double Score { get; }
    public partial DateTimeOffset? Since { get; }
    public partial DateTimeOffset Updated { get; }
    [Claim("roles")] public partial IReadOnlyList<string> Roles { get; }
    public partial IReadOnlyList<string>? Groups { get; }
    public partial string[] Tags { get; }
    public partial string[]? Labels { get; }
    [Claim("plan")] public partial Plan? Plan { get; }
    [Claim("plan")] public partial Plan PlanOrDefault { get; }
}

/// <summary>Endpoints declaring every requirement kind; the generator registers a check for each.</summary>
public static class Endpoints
{
    [RequireScopes("read:messages", "write:messages")]
    [RequireAnyScope("read:messages", "read:all")]
    [RequireRoles("admin", "editor")]
    [ClaimEquals("isAdmin", true)]
    [ClaimEquals("verified", false)]
    [ClaimEquals("tier", "gold")]
    [ClaimEquals("name", "")]
    [ClaimEquals("level", 3)]
    [ClaimEquals("big", long.MinValue)]
    [ClaimEquals("ratio", 0.1)]
    [ClaimEquals("score", 1e21)]
    [ClaimEquals("https://myapp.com/org_id", "org_\u00e9\"1\"")]
    [ClaimIncludes("roles", "admin", "editor")]
    [ClaimIncludes("https://myapp.com/groups", "g1")]
    [ClaimCheck(typeof(Checks), nameof(Checks.IsGoldAdmin))]
    [ClaimCheck(typeof(Checks), nameof(Checks.HasSubject), Message = "Needs a subject")]
    [ClaimCheck(typeof(Checks), nameof(Checks.HeaderMatchesOrg))]
    [ClaimCheck(typeof(Checks), nameof(Checks.Throws))]
    [RequireDPoP]
    public static string Everything() => "ok";
}

public static class Checks
{
    public static bool IsGoldAdmin(TestToken token) => token.Tier == "gold" && token.IsAdmin == true;

    public static bool HasSubject(AccessToken token, HttpContext context) => token.Sub is not null;

    public static async ValueTask<bool> HeaderMatchesOrg(TestToken token, HttpContext context)
    {
        if (context.Request.Headers.ContainsKey("x-async"))
        {
            await Task.Yield();
        }

        return context.Request.Headers["x-org"] == token.OrgId;
    }

    public static bool Throws(TestToken token) => token.Level > 100 ? throw new InvalidOperationException("boom") : token.Level != 7;
}
