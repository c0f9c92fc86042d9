using static Auth0.Generated.Analyzers.Tests.UnprotectedRouteTests;

namespace Auth0.Generated.Analyzers.Tests;

/// <summary>A0G002: [AllowAnonymous]/AllowAnonymous() together with a requirement on the same endpoint.</summary>
public class AllowAnonymousTests
{
    [Fact]
    public Task Attributes_on_the_same_method_class_or_lambda_are_reported()
        => Verify.Analyzer<RequirementAnalyzer>(Minimal(
            """
            app.MapGet("/a", [AllowAnonymous] {|A0G002:[RequireScopes("read:messages")]|} () => "ok");
            """,
            """
                [AllowAnonymous, {|A0G002:RequireRoles("admin")|}]
                public static string Handler() => "ok";
            }

            [AllowAnonymous]
            public class OpenController : Microsoft.AspNetCore.Mvc.ControllerBase
            {
                [{|A0G002:RequireScopes("read:messages")|}]
                public string Get() => "ok";
            """).Replace("{|A0G002:[RequireScopes(\"read:messages\")]|}", "[{|A0G002:RequireScopes(\"read:messages\")|}]", System.StringComparison.Ordinal))
            .RunAsync();

    [Fact]
    public Task A_class_requirement_with_an_AllowAnonymous_action_is_the_usual_opt_out()
        => Verify.Analyzer<RequirementAnalyzer>("""
            [RequireScopes("read:messages")]
            public class MessagesController : Microsoft.AspNetCore.Mvc.ControllerBase
            {
                [AllowAnonymous]
                public string Health() => "ok";

                [ClaimEquals("tier", "gold")]
                public string Get() => "ok";
            }
            """).RunAsync();

    [Fact]
    public Task Conventions_on_the_same_endpoint_are_reported()
        => Verify.Analyzer<EndpointProtectionAnalyzer>(Minimal("""
            app.MapGet("/a", () => "ok").{|A0G002:RequireScopes|}("read:messages").AllowAnonymous();
            app.MapGet("/b", [AllowAnonymous] () => "ok").{|A0G002:RequireRoles|}("admin");
            app.MapGet("/c", [RequireScopes("read:messages")] () => "ok").{|A0G002:AllowAnonymous|}();
            app.MapGet("/d", () => "ok").RequireScopes("read:messages");
            app.MapGet("/e", () => "ok").AllowAnonymous();
            var open = app.MapGroup("/open").AllowAnonymous();
            open.MapGet("/f", () => "ok").{|A0G002:RequireScopes|}("read:messages");
            """)).RunAsync();
}
