using System.Runtime.CompilerServices;
using Auth0.Generated.Shared;

namespace Auth0.Generated.Generator.Tests;

public class GeneratorTests
{
    /// <summary>
    /// The behaviour tests' token (Behaviour/TestToken.cs: every claim type, a keyword-named property, an enum with a
    /// JSON name), so the Token_* baselines are of the token those tests run.
    /// </summary>
    private static readonly string TokenSource = File.ReadAllText(Baseline.ProjectFile(Path.Combine("Behaviour", "TestToken.cs")));

    /// <summary>Runs the generator on <paramref name="source"/> (the harness asserts a clean compile and a cached rerun) and compares every generated file with the test's baseline.</summary>
    private static void VerifyGenerated(string source, [CallerMemberName] string testName = "", [CallerFilePath] string callerFile = "")
        => Baseline.Verify(GeneratorHarness.GeneratedText(GeneratorHarness.Run(source)), testName, callerFile);

    [Fact]
    public void Token_every_claim_type() => VerifyGenerated(TokenSource);

    [Fact]
    public void Token_in_global_namespace_without_properties()
    {
        var result = GeneratorHarness.Run("""
            [Auth0.Generated.Auth0Token]
            public partial class Token { }
            """);
        Assert.Equal(["Token.Auth0Token.g.cs"], result.GeneratedSources.Select(s => s.HintName));
    }

    [Fact]
    public void Requirements_on_lambdas_method_groups_and_local_functions()
        => VerifyGenerated("""
            using Auth0.Generated;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            namespace App;

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/messages", [RequireScopes("read:messages")] () => "ok");
                    app.MapGet("/either", [RequireAnyScope("read:messages", "read:all")] () => "ok");
                    app.MapGet("/admin", Admin);
                    app.MapGet("/local", Local);

                    [RequireRoles("editor")]
                    static string Local() => "ok";
                }

                [RequireRoles("admin", "owner")]
                [ClaimEquals("isAdmin", true)]
                [RequireScopes("read:messages")]
                private static string Admin() => "ok";
            }
            """);

    [Fact]
    public void Claim_requirements_every_value_kind_and_odd_values()
    {
        var result = GeneratorHarness.Run("""
            using Auth0.Generated;

            namespace App;

            public static class Endpoints
            {
                [ClaimEquals("tier", "gold \"quoted\" \u00e9\u4e2d")]
                [ClaimEquals("isAdmin", false)]
                [ClaimEquals("level", -3)]
                [ClaimEquals("big", long.MinValue)]
                [ClaimEquals("ratio", 0.1)]
                [ClaimEquals("huge", 1e21)]
                [ClaimEquals("https://myapp.com/org_id", "org_1")]
                [ClaimIncludes("roles", "admin", "editor")]
                [ClaimIncludes("https://myapp.com/groups", "a\nb")] // a line feed is escaped in the key: not ("a", "b")
                public static string Handler() => "ok";
            }
            """);
        Assert.Contains("\"claim.includes\\nhttps://myapp.com/groups\\na\\\\nb\"", GeneratorHarness.GeneratedText(result), System.StringComparison.Ordinal);
        Baseline.Verify(GeneratorHarness.GeneratedText(result));
    }

    [Fact]
    public void Claim_equals_uses_typed_properties_only_when_equivalent()
    {
        var result = GeneratorHarness.Run(TokenSource + """

            public static class Endpoints
            {
                [ClaimEquals("isAdmin", true)]      // bool? property: typed
                [ClaimEquals("verified", false)]    // non-nullable bool, default value: strict reader
                [ClaimEquals("verified", true)]     // non-nullable bool: typed
                [ClaimEquals("level", 3)]           // int? property, fits: typed
                [ClaimEquals("level", 3000000000)]  // int? property, does not fit: strict reader
                [ClaimEquals("ratio", 0.5)]         // double?: typed
                [ClaimEquals("tier", "gold")]       // string?: typed
                [ClaimEquals("name", "")]           // non-nullable string, default: strict reader
                [ClaimEquals("quota", 1.5)]         // long? read as a number: strict reader
                public static string Handler() => "ok";
            }
            """);
        var checks = result.GeneratedSources.Single(s => s.HintName == "Auth0.Generated.Checks.g.cs").SourceText.ToString();
        Assert.Contains("typed.IsAdmin == true", checks, System.StringComparison.Ordinal);
        Assert.Contains("typed.Verified == true", checks, System.StringComparison.Ordinal);
        Assert.DoesNotContain("typed.Verified == false", checks, System.StringComparison.Ordinal);
        Assert.Contains("typed.Level == 3L", checks, System.StringComparison.Ordinal);
        Assert.DoesNotContain("typed.Level == 3000000000L", checks, System.StringComparison.Ordinal);
        Assert.Contains("typed.Ratio == 0.5d", checks, System.StringComparison.Ordinal);
        Assert.Contains("typed.Tier == \"gold\"", checks, System.StringComparison.Ordinal);
        Assert.DoesNotContain("typed.Name", checks, System.StringComparison.Ordinal);
        Assert.DoesNotContain("typed.Quota", checks, System.StringComparison.Ordinal);
        Baseline.Verify(checks);
    }

    [Fact]
    public void Claim_check_every_shape()
    {
        var result = GeneratorHarness.Run(TokenSource + """

            public static class Checks
            {
                public static bool Sync(TestToken token) => token.IsAdmin == true;
                public static bool WithContext(AccessToken token, Microsoft.AspNetCore.Http.HttpContext context) => token.Sub is not null;
                internal static System.Threading.Tasks.ValueTask<bool> Async(TestToken token, Microsoft.AspNetCore.Http.HttpContext context) => new(true);
                public static class Nested
                {
                    public static bool Inner(TestToken token) => true;
                }
                private static bool Hidden(TestToken token) => true;
            }

            [ClaimCheck(typeof(Checks), nameof(Checks.Sync))]
            [ClaimCheck(typeof(Checks), nameof(Checks.WithContext), Message = "Needs a subject")]
            [ClaimCheck(typeof(Checks), nameof(Checks.Async))]
            [ClaimCheck(typeof(Checks.Nested), nameof(Checks.Nested.Inner))]
            [ClaimCheck(typeof(Checks), "Hidden")] // private: left to the runtime
            public class Protected { }
            """);
        var checks = result.GeneratedSources.Single(s => s.HintName == "Auth0.Generated.Checks.g.cs").SourceText.ToString();
        Assert.DoesNotContain("Hidden", checks, System.StringComparison.Ordinal);
        Assert.Contains("Auth0.Generated.Generator.Tests.Behaviour.Checks+Nested\\nInner", checks, System.StringComparison.Ordinal);
        Baseline.Verify(checks);
    }

    [Fact]
    public void Claim_check_in_another_assembly_needs_a_public_method()
    {
        var library = GeneratorHarness.Compile(
            """
            namespace Lib;
            public static class LibChecks
            {
                public static bool Visible(Auth0.Generated.AccessToken token) => true;
                internal static bool Internal(Auth0.Generated.AccessToken token) => true;
            }
            """,
            assemblyName: "Lib");
        var result = GeneratorHarness.Run(
            """
            [Auth0.Generated.ClaimCheck(typeof(Lib.LibChecks), nameof(Lib.LibChecks.Visible))]
            [Auth0.Generated.ClaimCheck(typeof(Lib.LibChecks), "Internal")]
            public class Protected { }
            """,
            extraReference: library.ToMetadataReference());
        Assert.Equal(["claim.check\nLib.LibChecks\nVisible\n\\0"], GeneratorHarness.RegisteredKeys(result));
    }

    [Fact]
    public void Controllers_actions_and_classes()
    {
        var result = GeneratorHarness.Run("""
            using Auth0.Generated;
            using Microsoft.AspNetCore.Mvc;

            namespace App;

            [ApiController]
            [Route("api/[controller]")]
            [RequireScopes("read:reports")]
            public class ReportsController : ControllerBase
            {
                [HttpGet]
                public string List() => "ok";

                [HttpDelete("{id}")]
                [RequireRoles("admin")]
                [ClaimIncludes("permissions", "delete:reports")]
                public string Delete(string id) => id;
            }
            """);
        Assert.Equal(
            ["claim.includes\npermissions\ndelete:reports", "roles.any\nadmin", "scopes.all\nread:reports"],
            GeneratorHarness.RegisteredKeys(result));
    }

    [Fact]
    public void Require_dpop_attribute_and_convention()
    {
        var result = GeneratorHarness.Run("""

            namespace App
            {
                using Auth0.Generated;
                using Microsoft.AspNetCore.Builder;

                public static class Endpoints
                {
                    [RequireDPoP]
                    public static string Transfer() => "ok";

                    public static void Map(WebApplication app)
                    {
                        app.MapGroup("/bound").RequireDPoP().MapGet("/", () => "ok");
                        app.MapGet("/both", [RequireDPoP] () => "ok").RequireDPoP();
                    }
                }
            }
            """);
        Assert.Equal(["dpop"], GeneratorHarness.RegisteredKeys(result));
        Baseline.Verify(GeneratorHarness.GeneratedText(result));
    }

    [Fact]
    public void Conventions_on_routes_and_groups()
    {
        var result = GeneratorHarness.Run("""

            namespace App
            {
                using Auth0.Generated;
                using Microsoft.AspNetCore.Builder;

                public static class Endpoints
                {
                    public static void Map(WebApplication app, string dynamicScope)
                    {
                        var admin = app.MapGroup("/admin").RequireScopes("admin:read", "admin:write").RequireRoles("admin");
                        admin.MapGet("/", () => "ok").RequireAnyScope(new[] { "a", "b" });
                        app.MapGet("/equals", () => "ok").RequireClaimEquals("level", 3).RequireClaimEquals("tier", "gold");
                        app.MapGet("/includes", () => "ok").RequireClaimIncludes("roles", "x", "y");
                        app.MapGet("/dynamic", () => "ok").RequireScopes(dynamicScope); // not constant: runtime path
                        app.MapGet("/other", () => "ok").RequireScopes2("ignored");
                    }

                    private static IEndpointConventionBuilder RequireScopes2(this IEndpointConventionBuilder b, string s) => b;
                }
            }
            """);
        Assert.Equal(
            [
                "claim.equals\nlevel\ninteger\n3", "claim.equals\ntier\nstring\ngold", "claim.includes\nroles\nx\ny",
                "roles.any\nadmin", "scopes.all\nadmin:read\nadmin:write", "scopes.any\na\nb",
            ],
            GeneratorHarness.RegisteredKeys(result));
        Baseline.Verify(GeneratorHarness.GeneratedText(result));
    }

    [Fact]
    public void Scope_catalog_from_attributes_and_file()
    {
        var result = GeneratorHarness.Run(
            """
            [assembly: Auth0.Generated.ApiScope("read:messages", Description = "Read <all> messages & more")]
            [assembly: Auth0.Generated.ApiScope("read-messages")]
            [assembly: Auth0.Generated.ApiScope("2fa:enroll")]
            """,
            [("/repo/src/Api/auth0-scopes.json", """
                [
                  {"value": "write:messages", "description": "Write messages"},
                  {"value": "read:messages", "description": "duplicate: the attribute's description wins"},
                  {"value": "scopes"}
                ]
                """),
             ("/repo/src/Api/other.json", """[{"value": "not:a:catalog"}]""")],
            rootNamespace: "My.Api");
        Baseline.Verify(GeneratorHarness.GeneratedText(result));
    }

    // The analyzers report A0G307 on Session; the generated getter throws, so no CS9248 hides that diagnostic.
    [Fact]
    public void Unsupported_claim_properties_get_an_implementation_that_compiles()
        => VerifyGenerated("""
            using System;
            using Auth0.Generated;

            namespace App;

            [Auth0Token]
            public partial class Token : AccessToken
            {
                public partial string? Tier { get; }
                public partial Guid Session { get; }
                public partial Uri? Site { get; }
                [Claim("")] public partial string? Empty { get; }
            }
            """);

    [Fact]
    public void Abstract_token_yields_no_code()
    {
        // `new T(...)` for an abstract T does not compile (CS0144): the analyzers report A0G305 instead.
        var result = GeneratorHarness.Run("""
            using Auth0.Generated;

            namespace App;

            [Auth0Token]
            public abstract partial class Token : AccessToken
            {
                protected Token(AccessToken source) : base(source) { }
            }

            public static class Endpoints
            {
                [RequireScopes("read")] public static void Read() { }
            }
            """);
        Assert.DoesNotContain(result.GeneratedSources, s => s.HintName.EndsWith(".Auth0Token.g.cs", System.StringComparison.Ordinal));
        Assert.Contains(result.GeneratedSources, s => s.HintName == "Auth0.Generated.Checks.g.cs");
    }

    [Fact]
    public void Invalid_declarations_yield_no_code()
    {
        var result = GeneratorHarness.Run("""
            using Auth0.Generated;

            [Auth0Token] public class NotPartial { }
            [Auth0Token] public partial class Derived : System.Exception { }
            [Auth0Token] public partial class Generic<T> { }

            public static class Endpoints
            {
                [RequireScopes] public static void NoScopes() { }
                [RequireScopes("ok", " ")] public static void Blank() { }
                [ClaimEquals("", "x")] public static void NoClaim() { }
                [ClaimIncludes("roles")] public static void NoValues() { }
                [ClaimCheck(typeof(Endpoints), "Missing")] public static void NoMethod() { }
                [ClaimCheck(typeof(Endpoints), nameof(Check))] public static void ChecksAnIncompleteToken() { }
                public static bool Check(NotPartial token) => true;
            }
            """, expectCleanCompile: false);
        Assert.Empty(result.GeneratedSources);
    }

    [Fact]
    public void Handler_body_edit_is_cached_and_scope_value_edit_is_modified()
    {
        const string before = """
            using Auth0.Generated;
            namespace App;
            public static class Endpoints
            {
                [RequireScopes("read:messages")]
                public static string Handler() => "before";
            }
            """;
        var compilation = GeneratorHarness.Compile(before);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var tree = compilation.SyntaxTrees.Single();
        var bodyEdit = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(before.Replace("\"before\"", "\"after\"", System.StringComparison.Ordinal), GeneratorHarness.ParseOptions, "Program.cs"));
        var afterBody = driver.RunGenerators(bodyEdit).GetRunResult().Results.Single();
        Assert.All(GeneratorHarness.Reasons(afterBody, TrackingNames.Declarations), r => Assert.True(r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, r.ToString()));
        Assert.Equal([IncrementalStepRunReason.Cached], GeneratorHarness.Reasons(afterBody, TrackingNames.Requirements));
        Assert.Equal([IncrementalStepRunReason.Cached], GeneratorHarness.Reasons(afterBody, TrackingNames.ChecksFile));

        var scopeEdit = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(before.Replace("read:messages", "write:messages", System.StringComparison.Ordinal), GeneratorHarness.ParseOptions, "Program.cs"));
        var afterScope = driver.RunGenerators(scopeEdit).GetRunResult().Results.Single();
        Assert.Equal([IncrementalStepRunReason.Modified], GeneratorHarness.Reasons(afterScope, TrackingNames.Declarations));
        Assert.Equal([IncrementalStepRunReason.Modified], GeneratorHarness.Reasons(afterScope, TrackingNames.Requirements));
        Assert.Contains("write:messages", afterScope.GeneratedSources.Single().SourceText.ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_file_edit_modifies_only_the_scopes()
    {
        const string source = """
            namespace App;
            public static class Endpoints
            {
                [Auth0.Generated.RequireScopes("read:messages")]
                public static string Handler() => "ok";
            }
            """;
        var compilation = GeneratorHarness.Compile(source);
        var original = new EditedText("/app/auth0-scopes.json", """[{"value": "read:messages"}]""");
        var driver = GeneratorHarness.CreateDriver([original]).RunGenerators(compilation);
        driver = driver.ReplaceAdditionalText(original, new EditedText(original.Path, """[{"value": "read:messages", "description": "Read"}]"""));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();
        Assert.Equal([IncrementalStepRunReason.Modified], GeneratorHarness.Reasons(result, TrackingNames.ScopeCatalogFiles));
        Assert.Equal([IncrementalStepRunReason.Modified], GeneratorHarness.Reasons(result, TrackingNames.ScopesFile));
        Assert.Equal([IncrementalStepRunReason.Cached], GeneratorHarness.Reasons(result, TrackingNames.Requirements));
        Assert.Contains("/// <summary>Read (<c>read:messages</c>)</summary>", GeneratorHarness.GeneratedText(result), System.StringComparison.Ordinal);
    }

    private const string ScopeConstantsSource = """
        [assembly: Auth0.Generated.ApiScope("read:messages")]
        [assembly: Auth0.Generated.ApiScope("read:feed")]

        namespace My.Api
        {
            using Auth0.Generated;
            using Microsoft.AspNetCore.Builder;

            public static class Endpoints
            {
                [RequireScopes(Scopes.ReadMessages)]
                public static string Messages() => "ok";

                [RequireScopes(global::My.Api.Scopes.ReadMessages_2, "x")]
                public static string Dashed() => "ok";

                public static void Map(WebApplication app)
                {
                    app.MapGet("/feed", () => "ok").RequireAnyScope(Scopes.ReadFeed, "x");
                    app.MapGet("/relative", [RequireAnyScope(Api.Scopes.ReadFeed)] () => "ok");
                    Auth0EndpointConventionBuilderExtensions.RequireScopes(app.MapGet("/static", () => "ok"), My.Api.Scopes.ReadFeed);
                }
            }
        }
        """;

    [Fact]
    public void Scope_constants_in_attributes_and_conventions()
    {
        // "read-messages" sorts before "read:messages", so it takes ReadMessages and read:messages is ReadMessages_2.
        (string, string)[] catalog = [("/app/auth0-scopes.json", """[{"value": "read-messages"}]""")];
        var result = GeneratorHarness.Run(ScopeConstantsSource, catalog, rootNamespace: "My.Api");
        var literal = GeneratorHarness.Run(
            ScopeConstantsSource
                .Replace("global::My.Api.Scopes.ReadMessages_2", "\"read:messages\"", System.StringComparison.Ordinal)
                .Replace("Scopes.ReadMessages", "\"read-messages\"", System.StringComparison.Ordinal)
                .Replace("My.Api.Scopes.ReadFeed", "\"read:feed\"", System.StringComparison.Ordinal)
                .Replace("Api.Scopes.ReadFeed", "\"read:feed\"", System.StringComparison.Ordinal)
                .Replace("Scopes.ReadFeed", "\"read:feed\"", System.StringComparison.Ordinal),
            catalog,
            rootNamespace: "My.Api");
        Assert.Equal(
            ["scopes.all\nread-messages", "scopes.all\nread:feed", "scopes.all\nread:messages\nx", "scopes.any\nread:feed", "scopes.any\nread:feed\nx"],
            GeneratorHarness.RegisteredKeys(result));
        Assert.Equal(GeneratorHarness.RegisteredKeys(literal), GeneratorHarness.RegisteredKeys(result));
        Baseline.Verify(GeneratorHarness.GeneratedText(result));
    }

    [Fact]
    public void Unknown_scope_constants_yield_no_check()
    {
        var result = GeneratorHarness.Run(
            """
            [assembly: Auth0.Generated.ApiScope("read:messages")]
            namespace My.Api
            {
                using Auth0.Generated;
                using Microsoft.AspNetCore.Builder;

                public static class Endpoints
                {
                    [RequireScopes(Scopes.WriteMessages)] public static void Missing() { }
                    [RequireScopes(global::Other.Scopes.ReadMessages)] public static void OtherNamespace() { }
                    [RequireAnyScope(Scopes.ReadMessages, Scopes.Nope)] public static void OneMissing() { }
                    [RequireRoles(Scopes.ReadMessages)] public static void RolesAreNotScopes() { }
                    public static void Map(WebApplication app) => app.MapGet("/", () => "ok").RequireScopes(Scopes.Nope);
                }
            }
            """,
            rootNamespace: "My.Api",
            expectCleanCompile: false);
        Assert.Equal(["Auth0.Generated.Scopes.g.cs"], result.GeneratedSources.Select(s => s.HintName));
    }

    [Fact]
    public void Scope_constant_edits_body_cached_catalog_value_modified()
    {
        const string before = """
            using Auth0.Generated;
            namespace App;
            public static class Endpoints
            {
                [RequireScopes(Scopes.ReadMessages)]
                public static string Handler() => "before";
            }
            """;
        var compilation = GeneratorHarness.Compile(before);
        var original = new EditedText("/app/auth0-scopes.json", """[{"value": "read:messages"}]""");
        var driver = GeneratorHarness.CreateDriver([original], rootNamespace: "App").RunGenerators(compilation);
        Assert.Contains("scopes.all\\nread:messages", GeneratorHarness.GeneratedText(driver.GetRunResult().Results.Single()), System.StringComparison.Ordinal);

        var tree = compilation.SyntaxTrees.Single();
        var bodyEdit = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(before.Replace("\"before\"", "\"after\"", System.StringComparison.Ordinal), GeneratorHarness.ParseOptions, "Program.cs"));
        driver = driver.RunGenerators(bodyEdit);
        var afterBody = driver.GetRunResult().Results.Single();
        Assert.Equal([IncrementalStepRunReason.Cached], GeneratorHarness.Reasons(afterBody, TrackingNames.Requirements));
        Assert.Equal([IncrementalStepRunReason.Cached], GeneratorHarness.Reasons(afterBody, TrackingNames.ResolvedRequirements));
        Assert.Equal([IncrementalStepRunReason.Cached], GeneratorHarness.Reasons(afterBody, TrackingNames.ChecksFile));

        // A description edit leaves the constant's value: the resolved requirements are unchanged.
        var described = new EditedText(original.Path, """[{"value": "read:messages", "description": "Read"}]""");
        driver = driver.ReplaceAdditionalText(original, described).RunGenerators(bodyEdit);
        var afterDescription = driver.GetRunResult().Results.Single();
        Assert.Equal([IncrementalStepRunReason.Cached], GeneratorHarness.Reasons(afterDescription, TrackingNames.Requirements));
        Assert.Equal([IncrementalStepRunReason.Unchanged], GeneratorHarness.Reasons(afterDescription, TrackingNames.ResolvedRequirements));
        Assert.Equal([IncrementalStepRunReason.Cached], GeneratorHarness.Reasons(afterDescription, TrackingNames.ChecksFile));

        // A value edit that keeps the name (read.messages is ReadMessages too) changes the check.
        driver = driver.ReplaceAdditionalText(described, new EditedText(original.Path, """[{"value": "read.messages"}]""")).RunGenerators(bodyEdit);
        var afterValue = driver.GetRunResult().Results.Single();
        Assert.Equal([IncrementalStepRunReason.Cached], GeneratorHarness.Reasons(afterValue, TrackingNames.Requirements));
        Assert.Equal([IncrementalStepRunReason.Modified], GeneratorHarness.Reasons(afterValue, TrackingNames.ResolvedRequirements));
        Assert.Equal([IncrementalStepRunReason.Modified], GeneratorHarness.Reasons(afterValue, TrackingNames.ChecksFile));
        Assert.Equal(["scopes.all\nread.messages"], GeneratorHarness.RegisteredKeys(afterValue));
    }

    private sealed class EditedText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(System.Threading.CancellationToken cancellationToken = default)
            => Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }

    [Fact]
    public void Token_property_edit_modifies_only_the_token()
    {
        var compilation = GeneratorHarness.Compile(TokenSource);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(
            TokenSource.Replace("public partial bool Verified { get; }", "public partial bool? Verified { get; }", System.StringComparison.Ordinal),
            GeneratorHarness.ParseOptions,
            "Program.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();
        Assert.Equal([IncrementalStepRunReason.Modified], GeneratorHarness.Reasons(result, TrackingNames.Token));
        Assert.Equal([IncrementalStepRunReason.Cached], GeneratorHarness.Reasons(result, TrackingNames.ScopesFile));
    }

    private const string NothingToGenerate = """
        using System;
        using System.Text.Json.Serialization;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        namespace App
        {
            public sealed class Dto
            {
                [JsonPropertyName("id")] public int Id { get; set; }
                [Obsolete("old")] public string? Legacy { get; set; }
            }

            // Named like ours, in another namespace: the scan's names match, the transform's binding does not.
            [AttributeUsage(AttributeTargets.Method)]
            public sealed class RequireRolesAttribute(string role) : Attribute { public string Role { get; } = role; }

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/a", [Authorize] () => new Dto());
                    app.MapGet("/b", () => "ok").RequireAuthorization().WithName("b");
                    app.MapGet("/c", () => "ok").RequireScopes("not ours");
                }

                [RequireRoles("admin")]
                public static string Admin() => "body";

                private static TBuilder RequireScopes<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder => builder;
            }
        }
        """;

    [Fact]
    public void Project_without_our_declarations_gets_no_output_and_stays_cached()
    {
        var result = GeneratorHarness.Run(NothingToGenerate);
        Assert.Empty(result.GeneratedSources);
        Assert.Empty(GeneratorHarness.Reasons(result, TrackingNames.Declarations));

        // No ForAttributeWithMetadataName left: each one was a walk of every file holding an attribute list.
        Assert.DoesNotContain(result.TrackedSteps.Keys, name => name.EndsWith("_ForAttribute", StringComparison.Ordinal) || name.EndsWith("_ForAttributeInternal", StringComparison.Ordinal));

        // Edits (a handler body, a new attributed class) scan the edited file again and find nothing: no output, nothing modified.
        var compilation = GeneratorHarness.Compile(NothingToGenerate);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText(
                NothingToGenerate
                    .Replace("\"body\"", "\"edited\"", StringComparison.Ordinal)
                    .Replace("public static class Endpoints", "[Obsolete] public sealed class Added { [JsonPropertyName(\"x\")] public int X { get; set; } }\n    public static class Endpoints", StringComparison.Ordinal),
                GeneratorHarness.ParseOptions,
                "Program.cs"));
        var rerun = driver.RunGenerators(edited).GetRunResult().Results.Single();
        Assert.Null(rerun.Exception);
        Assert.Empty(rerun.GeneratedSources);
        Assert.Empty(GeneratorHarness.Reasons(rerun, TrackingNames.Declarations));
        GeneratorHarness.AssertAllCached(rerun);
    }

    [Fact]
    public void Attributes_are_found_by_short_full_qualified_and_aliased_names()
    {
        // The scan matches names; every spelling the compiler binds to our attributes must give the same code.
        const string aliased = """
            global using GlobalDPoP = Auth0.Generated.RequireDPoPAttribute;
            using Auth0Ns = Auth0.Generated;
            using TokenMarker = Auth0.Generated.Auth0TokenAttribute;
            [assembly: Auth0Ns.ApiScopeAttribute("read:a", Description = "Read A")]

            namespace App
            {
                using RolesAttribute = Auth0.Generated.RequireRolesAttribute;

                [TokenMarker]
                public partial class Token : Auth0.Generated.AccessToken
                {
                    public partial string? Tier { get; }
                }

                public static class Endpoints
                {
                    [Auth0Ns.RequireScopes("read:a")] public static void A() { }
                    [Roles("admin")] public static void B() { }
                    [Auth0Ns::RequireAnyScope("x", "y")] public static void C() { }
                    [global::Auth0.Generated.ClaimIncludesAttribute("groups", "g")] public static void D() { }
                    [GlobalDPoP] public static void E() { }
                    [Auth0Ns.ClaimEqualsAttribute("tier", "gold")] public static void F() { }
                }
            }
            """;
        const string plain = """
            using Auth0.Generated;
            [assembly: ApiScope("read:a", Description = "Read A")]

            namespace App
            {
                [Auth0Token]
                public partial class Token : Auth0.Generated.AccessToken
                {
                    public partial string? Tier { get; }
                }

                public static class Endpoints
                {
                    [RequireScopes("read:a")] public static void A() { }
                    [RequireRoles("admin")] public static void B() { }
                    [RequireAnyScope("x", "y")] public static void C() { }
                    [ClaimIncludes("groups", "g")] public static void D() { }
                    [RequireDPoP] public static void E() { }
                    [ClaimEquals("tier", "gold")] public static void F() { }
                }
            }
            """;
        var result = GeneratorHarness.Run(aliased);
        Assert.Equal(
            ["claim.equals\ntier\nstring\ngold", "claim.includes\ngroups\ng", "dpop", "roles.any\nadmin", "scopes.all\nread:a", "scopes.any\nx\ny"],
            GeneratorHarness.RegisteredKeys(result));
        Assert.Contains(result.GeneratedSources, s => s.HintName.EndsWith(".Auth0Token.g.cs", StringComparison.Ordinal));
        Assert.Contains("public const string ReadA = \"read:a\";", GeneratorHarness.GeneratedText(result), StringComparison.Ordinal);
        Assert.Equal(GeneratorHarness.GeneratedText(GeneratorHarness.Run(plain)), GeneratorHarness.GeneratedText(result));
    }

    [Fact]
    public void Global_alias_declared_in_another_file_is_seen_on_tokens_and_scopes_not_on_requirements()
    {
        // The documented limit of matching names (docs/generator.md, "The pipeline"): the runtime checks such a requirement
        // itself; a token and a scope, where a miss would break the build, are still found.
        var compilation = GeneratorHarness.Compile("""
            [assembly: CatalogScope("read:a")]

            [Tok]
            public partial class Token : Auth0.Generated.AccessToken
            {
                [Auth0.Generated.Claim("tier")] public partial string? Tier { get; }
            }

            public static class Endpoints
            {
                [Scoped("read:a")] public static void A() { }
                [Auth0.Generated.RequireRoles("admin")] public static void B() { }
            }
            """).AddSyntaxTrees(CSharpSyntaxTree.ParseText(
                """
                global using Scoped = Auth0.Generated.RequireScopesAttribute;
                global using Tok = Auth0.Generated.Auth0TokenAttribute;
                global using CatalogScope = Auth0.Generated.ApiScopeAttribute;
                """,
                GeneratorHarness.ParseOptions,
                "GlobalUsings.cs"));
        var result = GeneratorHarness.CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single();
        Assert.Equal(["roles.any\nadmin"], GeneratorHarness.RegisteredKeys(result));
        Assert.Contains(result.GeneratedSources, s => s.HintName.EndsWith(".Auth0Token.g.cs", StringComparison.Ordinal));
        Assert.Contains("public const string ReadA = \"read:a\";", GeneratorHarness.GeneratedText(result), StringComparison.Ordinal);
    }
}
