// A deliberately broken API: every Auth0.Generated diagnostic fires here, on the line whose trailing comment names it.
// Excluded from the test project's compilation; BrokenSampleTests compiles it with the analyzers and checks each marker.
using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Auth0.Generated;
using BrokenSample;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

[assembly: ApiScope("read:messages", Description = "Read messages")]
[assembly: ApiScope("write:messages", Description = "Write messages")]
[assembly: ApiScope("admin:everything", Description = "Never required by any endpoint")] // A0G102

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAuth0Api(options => options.DPoP.Mode = Auth0.Generated.DPoP.DPoPMode.Disabled);
var app = builder.Build();

app.MapGet("/messages", () => "ok").RequireScopes("read:mesages"); // A0G101
app.MapPost("/messages", () => "ok"); // A0G001
app.MapGet("/health", () => "ok").RequireScopes("write:messages").AllowAnonymous(); // A0G002
app.MapGet("/tier", [AllowAnonymous] () => "ok").RequireClaimEquals("isAdmin", true); // A0G002

var api = app.MapGroup("/api").RequireScopes("read:messages");
api.MapGet("/inbox", () => "protected by the group");
api.MapGet("/me", (Token token) => token.Tier); // A0G309
app.MapReports();
app.MapGet("/transfer", () => "ok").RequireDPoP(); // A0G401

app.Run();

namespace BrokenSample
{
    [Auth0Token]
    public partial class Token // A0G310
    {
        public partial bool IsAdmin { get; }
        public partial IReadOnlyList<string> Groups { get; }
        public partial string? Tier { get; }
        public partial Guid Session { get; } // A0G307
        [Claim("org")] public string Org { get; } = ""; // A0G308
    }

    [Auth0Token]
    public class Plain // A0G304
    {
    }

    public static class Holder
    {
        [Auth0Token]
        public partial class Nested // A0G305
        {
        }
    }

    public class Base
    {
    }

    [Auth0Token]
    public partial class Derived : Base // A0G306
    {
    }

    public static class Reports
    {
        private static RouteGroupBuilder? _archive;

        public static void MapReports(this IEndpointRouteBuilder app)
        {
            app.MapGet("/reports", () => "ok"); // A0G004
            _archive = app.MapGroup("/archive");
            _archive.WithTags("archive"); // a use besides mapping: the analysis cannot attribute it
            _archive.MapGet("/", () => "ok"); // A0G003
        }
    }

    public static class Checks
    {
        public static bool IsPremium(Token token) => token.Tier == "premium";

        public static string NotACheck(Token token) => "nope";
    }

    public class MessagesController : ControllerBase
    {
        [RequireScopes("write:messages", "write:messages")] // A0G104
        public string Post() => "ok";

        [RequireScopes("read messages")] // A0G103
        public string Get() => "ok";

        [RequireRoles] // A0G303
        public string Admin() => "ok";

        [ClaimEquals("isAdmin", "true")] // A0G202
        public string Flag() => "ok";

        [ClaimEquals("isAdmn", true)] // A0G201
        public string Typo() => "ok";

        [ClaimIncludes("tier", "gold")] // A0G203
        public string Gold() => "ok";

        [ClaimEquals("tier", "gold")]
        [ClaimEquals("tier", "silver")] // A0G204
        public string Tiers() => "ok";

        [ClaimCheck(typeof(Checks), "IsPremum")] // A0G301
        public string Premium() => "ok";

        [ClaimCheck(typeof(Checks), nameof(Checks.NotACheck))] // A0G302
        public string Wrong() => "ok";

        [ClaimCheck(typeof(Checks), nameof(Checks.IsPremium))]
        public string Fine() => "ok";

        public string Open() => "ok"; // A0G001
    }
}
