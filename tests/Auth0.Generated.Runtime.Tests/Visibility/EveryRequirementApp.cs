using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;

namespace Auth0.Generated.Runtime.Tests.Visibility;

/// <summary>
/// An API with every kind of requirement: minimal API handlers (attributes and conventions), a route group, a named
/// policy, an ASP.NET Core role policy, a fallback policy, anonymous routes, DPoP-only routes and an attribute-routed controller.
/// </summary>
internal static class EveryRequirementApp
{
    public static Task<TestApiHost> StartAsync(TestIssuer issuer, bool fallbackPolicy = true)
        => TestApiHost.StartAsync(issuer, Map, services: services =>
        {
            services.AddOpenApi(options => options.AddAuth0Security());
            services.AddControllers().AddApplicationPart(typeof(OrdersController).Assembly);
            services.AddAuthorization(options =>
            {
                options.AddPolicy("Editorial", policy => policy.RequireAuthenticatedUser().RequireClaim("department", "editorial"));
                if (fallbackPolicy)
                {
                    options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
                }
            });
        });

    private static void Map(WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapGet("/public", () => "public").AllowAnonymous();
        app.MapGet("/authenticated", [Authorize] () => "ok");
        app.MapGet("/scoped", [RequireScopes("read:messages")] () => "ok");
        app.MapGet("/all-scopes", () => "ok").RequireScopes("read:admin", "write:admin");
        app.MapGet("/any-scope", [RequireAnyScope("read:feed", "read:admin")] () => "ok");
        app.MapGet("/all-and-any", [RequireScopes("read:admin")] [RequireAnyScope("export:csv", "export:pdf")] () => "ok");
        app.MapPost("/roles", [RequireRoles("teller")] () => "ok");
        app.MapGet("/claims", [ClaimEquals("isAdmin", true)] [ClaimIncludes("roles", "admin", "editor")] () => "ok");
        app.MapGet("/values", () => "ok").RequireClaimEquals("tier", "gold").RequireClaimEquals("level", 3L).RequireClaimEquals("ratio", 0.5);
        app.MapGet("/check", [ClaimCheck(typeof(EveryRequirementApp), nameof(IsPremium), Message = "Premium tier required")] () => "ok");
        app.MapGet("/delegate", () => "ok").RequireClaimCheck(token => token.Sub is not null, "A subject is required");
        app.MapGet("/policy", () => "ok").RequireAuthorization("Editorial");
        app.MapGet("/role-policy", () => "ok").RequireAuthorization(policy => policy.RequireRole("admin"));
        app.MapGet("/fallback", () => "ok");
        app.MapGet("/dpop", [RequireDPoP] () => "ok");
        app.MapGet("/dpop/scoped", () => "ok").RequireDPoP().RequireScopes("read:messages");

        var reports = app.MapGroup("/reports").RequireScopes("read:reports");
        reports.MapGet("/", () => "ok");
        reports.MapGet("/export", [RequireAnyScope("export:csv", "export:pdf")] () => "ok").RequireClaimEquals("tier", "premium");
        reports.MapDelete("/{id:int}", (int id) => id).RequireRoles("admin");
        reports.MapGet("/open", [AllowAnonymous] () => "ok");

        app.MapControllers();
    }

    public static bool IsPremium(AccessToken token) => token.TryGetString("tier", out var tier) && tier == "premium";
}

/// <summary>A controller with class- and action-level requirements.</summary>
[ApiController]
[Route("api/orders")]
[RequireScopes("read:orders")]
public sealed class OrdersController : ControllerBase
{
    [HttpGet]
    public IActionResult List() => Ok(new[] { "order" });

    [HttpPost]
    [RequireScopes("write:orders")]
    public IActionResult Create() => Ok("created");

    [HttpGet("admin")]
    [RequireRoles("admin")]
    [ClaimEquals("isAdmin", true)]
    public IActionResult Admin() => Ok("admin");

    [HttpGet("status")]
    [AllowAnonymous]
    public IActionResult Status() => Ok("up");
}
