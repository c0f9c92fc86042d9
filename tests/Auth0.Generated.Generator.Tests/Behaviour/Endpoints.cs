namespace Auth0.Generated.Generator.Tests.Behaviour;

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
