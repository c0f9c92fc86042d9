
namespace Auth0.Generated.Analyzers.Tests;

/// <summary>A0G201-A0G203 and A0G303 for claims and roles: requirements checked against the [Auth0Token] type.</summary>
public class ClaimTests
{
    internal const string Token = """
        namespace Demo
        {
            [Auth0Token]
            public partial class Token : AccessToken
            {
                public partial bool IsAdmin { get; }
                [Claim("https://example.com/tier")] public partial string? Tier { get; }
                public partial IReadOnlyList<string> Groups { get; }
                public partial long Level { get; }
                public partial double Score { get; }
                public partial Plan Plan { get; }
                public string Helper => "not a claim";
            }

            public enum Plan { Free, Premium }
        }

        """;

    private static Test<RequirementAnalyzer, EmptyCodeFixProvider> Analyze(string source)
        => Verify.Analyzer<RequirementAnalyzer>(Token + source);

    [Fact]
    public Task Values_of_the_declared_type_pass()
        => Analyze("""
            public static class Api
            {
                [ClaimEquals("isAdmin", true)]
                [ClaimEquals("https://example.com/tier", "gold")]
                [ClaimEquals("level", 3)]
                [ClaimEquals("level", 3.0)]
                [ClaimEquals("score", 2.5)]
                [ClaimEquals("plan", "premium")]
                [ClaimIncludes("groups", "a", "b")]
                [ClaimEquals("sub", "auth0|123")]
                [ClaimEquals("scope", "read:messages")]
                [ClaimIncludes("permissions", "read:messages")]
                [ClaimEquals("exp", 1700000000)]
                [RequireRoles("admin")]
                public static string A() => "ok";

                [ClaimEquals("score", 2)]
                public static string B() => "ok";
            }
            """).RunAsync();

    [Fact]
    public Task ClaimEquals_of_one_claim_that_cannot_all_hold_are_reported()
        => Analyze("""
            public static class Api
            {
                [ClaimEquals("https://example.com/tier", "gold")]
                [{|A0G204:ClaimEquals("https://example.com/tier", "silver")|}]
                public static string Tiers() => "ok";

                [ClaimEquals("level", 3)]
                [{|A0G204:ClaimEquals("level", 4)|}]
                public static string Levels() => "ok";

                [ClaimEquals("score", 2.5)]
                [{|A0G204:ClaimEquals("score", 2)|}]
                public static string Scores() => "ok";

                [ClaimEquals("isAdmin", true)]
                [{|A0G204:ClaimEquals("isAdmin", false)|}]
                public static string Flags() => "ok";
            }

            [ClaimEquals("https://example.com/tier", "gold")]
            [{|A0G204:ClaimEquals("https://example.com/tier", "silver")|}]
            public class Controller { }
            """).RunAsync();

    [Fact]
    public Task Chained_RequireClaimEquals_of_one_claim_that_cannot_all_hold_are_reported()
        => Analyze("""
            public static class Api
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/a", () => "ok")
                        .RequireClaimEquals("https://example.com/tier", "gold")
                        .RequireScopes("read:messages")
                        .{|A0G204:RequireClaimEquals|}("https://example.com/tier", "silver");
                    app.MapGet("/b", () => "ok").RequireClaimEquals("level", 3).RequireClaimEquals("level", 3.0);
                    app.MapGet("/c", () => "ok").RequireClaimEquals("isAdmin", true);
                    app.MapGet("/d", () => "ok").RequireClaimEquals("isAdmin", false);
                }
            }
            """).RunAsync();

    [Fact]
    public Task ClaimEquals_that_one_value_satisfies_are_not_reported()
        => Analyze("""
            public static class Api
            {
                [ClaimEquals("level", 3)]
                [ClaimEquals("level", 3.0)]
                [ClaimEquals("level", 3)]
                public static string SameNumber() => "ok";

                [ClaimEquals("https://example.com/tier", "gold")]
                [ClaimEquals("isAdmin", true)]
                public static string OtherClaims() => "ok";

                [ClaimEquals("https://example.com/tier", "gold")]
                public static string One() => "ok";

                [ClaimEquals("https://example.com/tier", "silver")]
                public static string OtherDeclaration() => "ok";

                // Values of different JSON types: A0G202 reports the one that does not match the declared claim type.
                [ClaimEquals("https://example.com/tier", "gold")]
                [ClaimEquals("https://example.com/tier", {|A0G202:1|})]
                public static string OtherTypes() => "ok";
            }
            """).RunAsync();

    [Fact]
    public Task A_value_of_another_type_is_an_error()
        => Analyze("""
            public static class Api
            {
                [ClaimEquals("isAdmin", {|A0G202:"true"|})]
                [ClaimEquals("level", {|A0G202:"3"|})]
                [ClaimEquals("level", {|A0G202:2.5|})]
                [ClaimEquals("https://example.com/tier", {|A0G202:1|})]
                [ClaimEquals("plan", {|A0G202:true|})]
                [ClaimEquals("groups", {|A0G202:"a"|})]
                [ClaimEquals("sub", {|A0G202:false|})]
                public static string A() => "ok";
            }
            """).RunAsync();

    [Fact]
    public Task The_type_mismatch_message_names_both_types()
        => Analyze("""
            public static class Api
            {
                [ClaimEquals("isAdmin", "true")] public static string A() => "ok";
            }
            """)
            .Expect(new DiagnosticResult(DiagnosticIds.ClaimValueTypeMismatch, DiagnosticSeverity.Error)
                .WithSpan("/0/Test0.cs", 28, 29, 28, 35)
                .WithArguments("[ClaimEquals]", "isAdmin", "string", "bool"))
            .RunAsync();

    [Fact]
    public Task A_claim_the_token_does_not_declare_is_reported_with_a_suggestion()
        => Analyze("""
            public static class Api
            {
                [ClaimEquals("isAdmn", true)] public static string A() => "ok";
                [ClaimIncludes({|A0G201:"https://other.example.com/claim"|}, "x")] public static string B() => "ok";
            }
            """)
            .Expect(new DiagnosticResult(DiagnosticIds.UndeclaredClaim, DiagnosticSeverity.Warning)
                .WithSpan("/0/Test0.cs", 28, 18, 28, 26)
                .WithArguments("isAdmn", "Token", "; did you mean 'isAdmin'?"))
            .RunAsync();

    [Fact]
    public Task ClaimIncludes_on_a_claim_that_is_not_a_list_is_an_error()
        => Analyze("""
            public static class Api
            {
                [ClaimIncludes({|A0G203:"isAdmin"|}, "x")]
                [ClaimIncludes({|A0G203:"https://example.com/tier"|}, "gold")]
                [ClaimIncludes({|A0G203:"sub"|}, "x")]
                public static string A() => "ok";
            }
            """).RunAsync();

    [Fact]
    public Task Conventions_are_checked_like_attributes()
        => Analyze(UnprotectedRouteTests.Minimal("""
            app.MapGet("/a", () => "ok").RequireClaimEquals("isAdmin", {|A0G202:"true"|});
            app.MapGet("/b", () => "ok").RequireClaimIncludes({|A0G201:"grups"|}, "a");
            app.MapGet("/c", () => "ok").RequireClaimIncludes({|A0G203:"level"|}, "a");
            app.MapGet("/d", () => "ok").RequireClaimEquals("isAdmin", true).RequireClaimIncludes("groups", "a");
            app.MapGet("/e", () => "ok").{|A0G303:RequireRoles|}();
            app.MapGet("/f", () => "ok").RequireClaimIncludes("groups", {|A0G303:""|});
            """)).RunAsync();

    [Fact]
    public Task Empty_claims_roles_and_values_are_reported()
        => Analyze("""
            public static class Api
            {
                [ClaimEquals({|A0G303:""|}, "x")]
                [{|A0G303:ClaimIncludes("groups")|}]
                [ClaimIncludes("groups", {|A0G303:" "|})]
                [{|A0G303:RequireRoles()|}]
                [RequireRoles("admin", {|A0G303:""|})]
                [ClaimEquals("https://example.com/tier", {|A0G303:null|})]
                public static string A() => "ok";
            }
            """).RunAsync();

    [Fact]
    public Task Without_a_token_type_claims_are_not_checked()
        => Verify.Analyzer<RequirementAnalyzer>("""
            public static class Api
            {
                [ClaimEquals("anything", "x")]
                [ClaimIncludes("whatever", "y")]
                public static string A() => "ok";
            }
            """).RunAsync();
}
