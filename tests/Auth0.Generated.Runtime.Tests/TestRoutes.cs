using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authorization;

namespace Auth0.Generated.Runtime.Tests;

/// <summary>The endpoints the behaviour tests call: one per kind of requirement, through conventions and attributes.</summary>
internal static class TestRoutes
{
    public const string ThrowingCheckMessage = "Check \"failed\" with a \\ backslash";

    public static void Map(WebApplication app)
    {
        app.MapGet("/public", () => "public");
        app.MapGet("/private", (HttpContext c) => c.GetAccessToken()!.Sub ?? "(none)").RequireAuthorization();
        app.MapGet("/user", (HttpContext c) => $"{c.User.FindFirst("sub")?.Value}|{c.User.Identity?.AuthenticationType}|{c.User.FindFirst("scope")?.Value}");
        app.MapGet("/scoped", () => "ok").RequireScopes("read:messages");
        app.MapGet("/scoped-attribute", [RequireScopes("read:messages")] () => "ok");
        app.MapGet("/any", () => "ok").RequireAnyScope("read:feed", "read:admin");
        app.MapGet("/all", () => "ok").RequireScopes("read:admin", "write:admin");
        app.MapGet("/admin", () => "ok").RequireClaimEquals("isAdmin", true);
        app.MapGet("/tier", () => "ok").RequireClaimEquals("tier", "gold");
        app.MapGet("/level", () => "ok").RequireClaimEquals("level", 3L);
        app.MapGet("/editor", () => "ok").RequireClaimIncludes("roles", "admin", "editor");
        app.MapGet("/teller", () => "ok").RequireRoles("teller");
        app.MapGet("/check", () => "ok").RequireClaimCheck(t => t.TryGetString("tier", out var tier) && tier == "premium", "Premium tier required");
        app.MapGet("/check-async", () => "ok").RequireClaimCheck((t, _) => new ValueTask<bool>(t.HasScope("async")), "Async check failed");
        app.MapGet("/throws", () => "ok").RequireClaimCheck(_ => throw new InvalidOperationException("boom"), ThrowingCheckMessage);
        app.MapGet("/throws-attribute", [ClaimCheck(typeof(TestRoutes), nameof(Throws))] () => "ok");
        app.MapGet("/typed", (HttpContext c) => TierToken.Create(c.GetAccessToken()!).Tier ?? "(none)")
            .RequireClaimCheck<RouteHandlerBuilder, TierToken>(t => t.Tier == "gold", "Gold tier required");
        app.MapGet("/role-policy", () => "ok").RequireAuthorization(p => p.RequireRole("admin"));

        var group = app.MapGroup("/group").RequireScopes("read:group");
        group.MapGet("/closed", () => "ok");
        group.MapGet("/open", [AllowAnonymous] () => "ok");
        group.MapGet("/and", () => "ok").RequireScopes("write:group");
    }

    /// <summary>
    /// A hand-written token type, shaped like the ones the generator completes but not registered (the sample's generated
    /// Token is the registered type in this process), so handlers create it themselves.
    /// </summary>
    public sealed class TierToken : AccessToken, IAccessTokenFactory<TierToken>
    {
        private TierToken(AccessToken source) : base(source)
        {
        }

        public string? Tier => TryGetString("tier", out var tier) ? tier : null;

        public static TierToken Create(AccessToken source) => new(source);
    }

    public static bool Throws(AccessToken token) => throw new InvalidOperationException("attribute boom " + token.Sub);

    public static Task<HttpResponseMessage> GetAsync(this HttpClient client, string path, string? token, string scheme = "Bearer")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", scheme + " " + token);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> SendRawAsync(this HttpClient client, string path, params string[] authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (authorization.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> GetWithCookieAsync(this HttpClient client, string path, string cookie, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Cookie", cookie);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client.SendAsync(request);
    }

    public static Task<TestApiHost> StartHostAsync(TestIssuer issuer, Action<Auth0ApiOptions>? configure = null, System.Collections.Generic.IDictionary<string, string?>? configuration = null)
        => TestApiHost.StartAsync(issuer, Map, configure, configuration);
}
