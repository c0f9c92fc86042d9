using Auth0.Generated.CodeFixes;
using static Auth0.Generated.Analyzers.Tests.UnprotectedRouteTests;

namespace Auth0.Generated.Analyzers.Tests;

/// <summary>A0G101-A0G105 and A0G303 for scopes: syntax without a catalog, catalog membership, unused entries, the fix.</summary>
public class ScopeTests
{
    private const string Catalog = """
        [assembly: ApiScope("read:messages", Description = "Read messages")]
        [assembly: ApiScope("write:messages")]

        """;

    private static Test<RequirementAnalyzer, EmptyCodeFixProvider> Analyze(string source) => Verify.Analyzer<RequirementAnalyzer>(source);

    [Fact]
    public Task Without_a_catalog_only_syntax_is_checked()
        => Analyze(Minimal(
            """
            app.MapGet("/a", () => "ok").RequireScopes("anything:goes", {|A0G103:" "|});
            app.MapGet("/b", () => "ok").RequireAnyScope("a", "b", {|A0G104:"a"|});
            app.MapGet("/c", () => "ok").{|A0G303:RequireScopes|}();
            """,
            """
                [RequireScopes({|A0G103:""|})] public static string A() => "ok";
                [RequireScopes("read", {|A0G103:"read write"|})] public static string B() => "ok";
                [RequireAnyScope("x", {|A0G104:"x"|})] public static string C() => "ok";
                [{|A0G303:RequireScopes|}] public static string D() => "ok";
                [{|A0G303:RequireAnyScope()|}] public static string E() => "ok";
                [RequireScopes("read:messages", "write:messages")] public static string Fine() => "ok";
            """)).RunAsync();

    [Fact]
    public Task A_scope_outside_the_catalog_is_an_error_with_the_nearest_entry_suggested()
        => Analyze(Catalog + Minimal(
            """
            app.MapGet("/a", () => "ok").RequireScopes("write:messages");
            """,
            """
                [RequireScopes("read:mesages")] public static string A() => "ok";
                [RequireAnyScope({|A0G101:"delete:everything"|})] public static string B() => "ok";
            """))
            .Expect(
                new DiagnosticResult(DiagnosticIds.UnknownScope, DiagnosticSeverity.Error)
                    .WithSpan("/0/Test0.cs", 18, 20, 18, 34)
                    .WithArguments("read:mesages", "; did you mean 'read:messages'?"))
            .RunAsync();

    [Fact]
    public Task An_unused_catalog_scope_is_reported_at_its_declaration()
        => Analyze("""
            [assembly: {|A0G102:ApiScope("read:messages", Description = "Read messages")|}]
            [assembly: ApiScope("write:messages")]
            [assembly: ApiScope("admin")]
            [assembly: ApiScope({|A0G103:"bad scope"|})]

            // Scopes.Admin is the generator's constant for "admin".
            public static class Api
            {
                [RequireScopes("write:messages")] public static string A() => "ok";
                public static bool IsAdmin(AccessToken token) => token.HasScope(Scopes.Admin);
            }
            """)
            .RunAsync();

    [Fact]
    public Task A_catalog_file_in_Auth0_export_shape_is_read()
        => Analyze(Minimal(
            """
            app.MapGet("/a", () => "ok").RequireScopes("read:messages", {|A0G101:"write:mesage"|});
            """))
            .WithCatalogFile("""
                [
                  {"value": "read:messages", "description": "Read messages"},
                  {"value": "write:messages", "description": "Write messages"}
                ]
                """)
            .RunAsync();

    [Fact]
    public Task An_unused_scope_of_a_catalog_file_is_reported_at_its_line()
        => Analyze(Minimal(
            """
            app.MapGet("/a", () => "ok").RequireScopes("read:messages", "write:messages");
            """))
            .WithCatalogFile("""
                [
                  {"value": "read:messages", "description": "Read messages"},
                  {"value": "write:messages", "description": "Write messages"},
                  {"value": "admin", "description": "Administer"}
                ]
                """)
            .Expect(new DiagnosticResult(DiagnosticIds.UnusedCatalogScope, DiagnosticSeverity.Info).WithSpan("/0/auth0-scopes.json", 4, 1, 4, 50).WithArguments("admin"))
            .RunAsync();

    [Fact]
    public Task A_resource_server_object_with_scopes_is_read()
        => Analyze(Minimal("""app.MapGet("/a", () => "ok").RequireScopes("read:messages");"""))
            .WithCatalogFile("""{"identifier": "https://api", "scopes": [{"value": "read:messages"}]}""", "/0/config/api.auth0-scopes.json")
            .RunAsync();

    [Fact]
    public Task A_catalog_file_that_cannot_be_read_is_reported_and_not_used()
        => Analyze(Minimal("""app.MapGet("/a", () => "ok").RequireScopes("anything");"""))
            .WithCatalogFile("[{\"description\": \"no value\"}]")
            .Expect(new DiagnosticResult(DiagnosticIds.InvalidScopeCatalog, DiagnosticSeverity.Error).WithSpan("/0/auth0-scopes.json", 1, 1, 1, 30)
                .WithArguments("/0/auth0-scopes.json", "line 1: a scope entry has no string \"value\""))
            .RunAsync();

    [Fact]
    public Task Generated_scope_constants_are_read_as_their_values()
        => Analyze(Catalog + """
            // The generator writes ReadMessages and WriteMessages from the catalog; a constant of the app's own joins them.
            public static partial class Scopes
            {
                public const string Typo = "write:mesages";
            }

            public static class Api
            {
                [RequireScopes(Scopes.ReadMessages)] public static string A() => "ok";
                [RequireAnyScope(Scopes.WriteMessages, {|A0G101:Scopes.Typo|})] public static string B() => "ok";
            }
            """).RunAsync();

    [Fact]
    public Task Fix_replaces_a_misspelled_scope_in_an_attribute()
        => Verify.CodeFix<RequirementAnalyzer, UnknownScopeCodeFixProvider>(Catalog + """
            public static class Api
            {
                [RequireScopes({|A0G101:"read:mesages"|}, "write:messages")] public static string A() => "ok";
            }
            """)
            .Fixed(Catalog + """
            public static class Api
            {
                [RequireScopes("read:messages", "write:messages")] public static string A() => "ok";
            }
            """)
            .RunAsync();

    [Fact]
    public Task Fix_replaces_a_misspelled_scope_in_a_convention()
        => Verify.CodeFix<RequirementAnalyzer, UnknownScopeCodeFixProvider>(Catalog + Minimal(
            """app.MapGet("/a", () => "ok").RequireScopes({|A0G101:"raed:messages"|}, "write:messages");"""))
            .Fixed(Catalog + Minimal(
            """app.MapGet("/a", () => "ok").RequireScopes("read:messages", "write:messages");"""))
            .RunAsync();

    [Fact]
    public Task No_fix_is_offered_when_nothing_is_near()
        => Verify.CodeFix<RequirementAnalyzer, UnknownScopeCodeFixProvider>(Catalog + """
            public static class Api
            {
                [RequireScopes("read:messages", "write:messages", {|A0G101:"delete:everything"|})] public static string A() => "ok";
            }
            """)
            .Fixed(Catalog + """
            public static class Api
            {
                [RequireScopes("read:messages", "write:messages", {|A0G101:"delete:everything"|})] public static string A() => "ok";
            }
            """)
            .RunAsync();

    [Fact]
    public Task Attributes_on_local_functions_are_checked()
        => Analyze(Minimal("""
            app.MapGet("/a", Handler).RequireAuthorization();

            [RequireScopes("read", {|A0G104:"read"|})]
            static string Handler() => "ok";
            """)).RunAsync();
}
