using Auth0.Generated.CodeFixes;

namespace Auth0.Generated.Analyzers.Tests;

/// <summary>A0G001 on minimal APIs: the endpoint forms, what protects them, the traps, and the fixes.</summary>
public class UnprotectedRouteTests
{
    internal static string Minimal(string body, string extra = "") => $$"""
        public static class Api
        {
            public static void Configure(WebApplication app)
            {
                {{body}}
            }
        {{extra}}
        }
        """;

    /// <summary>As users get it by default: A0G003 (opt-in) off.</summary>
    private static Task Analyze(string source)
    {
        var test = Verify.Analyzer<EndpointProtectionAnalyzer>(source);
        test.DisabledDiagnostics.Add(DiagnosticIds.ProtectionNotEstablished);
        return test.RunAsync();
    }

    [Fact]
    public Task Unprotected_MapPost_is_reported_at_the_method_name()
        => Analyze(Minimal("""app.{|A0G001:MapPost|}("/messages", () => "ok");"""));

    [Fact]
    public Task Every_endpoint_form_is_reported()
        => Analyze(Minimal("""
            app.{|A0G001:MapGet|}("/a", () => "ok");
            app.{|A0G001:MapPut|}("/b", () => "ok");
            app.{|A0G001:MapDelete|}("/c", () => "ok");
            app.{|A0G001:MapPatch|}("/d", () => "ok");
            app.{|A0G001:MapMethods|}("/e", new[] { "HEAD" }, () => "ok");
            app.{|A0G001:Map|}("/f", () => "ok");
            app.{|A0G001:MapFallback|}(() => "ok");
            app.{|A0G001:MapGet|}("/g", (HttpContext context) => Task.CompletedTask);
            """));

    [Fact]
    public Task The_diagnostic_names_the_route()
        => Verify.Analyzer<EndpointProtectionAnalyzer>(Minimal("""app.MapPost("/messages", () => "ok");"""))
            .Expect(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(DiagnosticIds.UnprotectedRoute, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                .WithSpan("/0/Test0.cs", 14, 13, 14, 20)
                .WithArguments("'MapPost /messages'"))
            .RunAsync();

    [Fact]
    public Task RequireAuthorization_AllowAnonymous_and_our_conventions_protect()
        => Analyze(Minimal("""
            app.MapGet("/a", () => "ok").RequireAuthorization();
            app.MapGet("/b", () => "ok").RequireAuthorization("policy");
            app.MapGet("/c", () => "ok").AllowAnonymous();
            app.MapGet("/d", () => "ok").RequireScopes("read:messages");
            app.MapGet("/e", () => "ok").RequireAnyScope("read:messages", "admin");
            app.MapGet("/f", () => "ok").RequireRoles("admin");
            app.MapGet("/g", () => "ok").RequireClaimEquals("tier", "gold");
            app.MapGet("/h", () => "ok").WithName("h").WithTags("t").RequireAuthorization();
            """));

    [Fact]
    public Task Conventions_that_do_not_protect_do_not_hide_the_warning()
        => Analyze(Minimal("""
            app.{|A0G001:MapGet|}("/a", () => "ok").WithName("a").WithTags("t").Produces(200);
            app.{|A0G001:MapGet|}("/b", () => "ok").AddEndpointFilter((context, next) => next(context));
            """));

    [Fact]
    public Task Attributes_on_the_handler_protect()
        => Analyze(Minimal(
            """
            app.MapGet("/a", [Authorize] () => "ok");
            app.MapGet("/b", [AllowAnonymous] () => "ok");
            app.MapGet("/c", [RequireScopes("read:messages")] () => "ok");
            app.MapGet("/d", Protected);
            app.{|A0G001:MapGet|}("/e", Open);
            """,
            """
                [Authorize] private static string Protected() => "ok";
                private static string Open() => "ok";
            """));

    [Fact]
    public Task WithMetadata_of_authorization_metadata_protects()
        => Analyze(Minimal("""
            app.MapGet("/a", () => "ok").WithMetadata(new AuthorizeAttribute());
            app.MapGet("/b", () => "ok").WithMetadata(new AllowAnonymousAttribute());
            app.{|A0G001:MapGet|}("/c", () => "ok").WithMetadata(new EndpointNameMetadata("c"));
            app.MapGet("/d", () => "ok").Add(endpoint => endpoint.Metadata.Add(new AuthorizeAttribute()));
            """));

    [Fact]
    public Task An_expression_bodied_method_is_analyzed()
        => Analyze("""
            public static class Api
            {
                public static void Configure(WebApplication app) => app.{|A0G001:MapGet|}("/x", () => "ok");
            }
            """);

    [Fact]
    public Task Conventions_on_a_local_holding_the_endpoint_count()
        => Analyze(Minimal("""
            var a = app.MapGet("/a", () => "ok");
            a.RequireAuthorization();
            var b = app.{|A0G001:MapGet|}("/b", () => "ok");
            b.WithName("b");
            """));

    [Fact]
    public Task A_group_protected_by_a_chained_call_protects_its_endpoints()
        => Analyze(Minimal("""
            var api = app.MapGroup("/api").RequireAuthorization();
            api.MapGet("/a", () => "ok");
            app.MapGroup("/chained").RequireScopes("read:messages").MapGroup("/inner").MapPost("/b", () => "ok");
            """));

    [Fact]
    public Task A_group_protected_two_calls_up_protects_its_endpoints()
        => Analyze(Minimal("""
            var api = app.MapGroup("/api");
            api.RequireAuthorization();
            var v1 = api.MapGroup("/v1");
            var users = v1.MapGroup("/users").WithTags("users");
            users.MapGet("/", () => "ok");
            users.MapPost("/", () => "ok");
            """));

    [Fact]
    public Task An_unprotected_group_does_not_protect()
        => Analyze(Minimal("""
            var api = app.MapGroup("/api").WithTags("api");
            var v1 = api.MapGroup("/v1");
            v1.{|A0G001:MapGet|}("/a", () => "ok");
            app.MapGroup("/x").MapGroup("/y").{|A0G001:MapPost|}("/b", () => "ok");
            """));

    [Fact]
    public Task A_users_own_extension_that_calls_RequireAuthorization_protects()
        => Analyze(Minimal(
            """
            app.MapGet("/a", () => "ok").Secured();
            var api = app.MapGroup("/api").Secured();
            api.MapGet("/b", () => "ok");
            app.MapGroup("/c").WithDefaults().{|A0G001:MapGet|}("/c", () => "ok");
            """,
            """
                private static TBuilder Secured<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
                    => builder.RequireAuthorization();

                private static TBuilder WithDefaults<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
                    => builder.WithDisplayName("x");
            """));

    [Fact]
    public Task A_users_own_extension_whose_effect_is_unknown_silences_the_warning()
        => Analyze(Minimal(
            """
            app.MapGet("/a", () => "ok").Policy();
            """,
            """
                private static TBuilder Policy<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
                    => Helper(builder);

                private static TBuilder Helper<TBuilder>(TBuilder builder) where TBuilder : IEndpointConventionBuilder => builder;
            """));

    [Fact]
    public Task Builders_from_parameters_are_judged_at_their_call_sites_and_reassignments_are_not_judged()
        => Analyze(Minimal(
            """
            MapUsers(app.MapGroup("/users"));
            var x = app.MapGroup("/x");
            x = app.MapGroup("/y");
            x.MapGet("/z", () => "ok");
            """,
            """
                private static void MapUsers(RouteGroupBuilder group) => group.{|A0G004:MapGet|}("/", () => "ok");
                private static void MapMore(IEndpointRouteBuilder endpoints) => endpoints.MapGet("/more", () => "ok");
                private static RouteHandlerBuilder Returned(WebApplication app) => app.MapGet("/returned", () => "ok");
            """));

    [Fact]
    public Task Top_level_statements_are_analyzed()
        => Verify.Analyzer<EndpointProtectionAnalyzer>(
            """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/health", () => "ok").AllowAnonymous();
            app.{|A0G001:MapPost|}("/messages", () => "ok");
            app.Run();
            """,
            topLevel: true).RunAsync();

    [Fact]
    public Task Fix_adds_RequireAuthorization()
        => Verify.CodeFix<EndpointProtectionAnalyzer, UnprotectedRouteCodeFixProvider>(Minimal("""app.{|A0G001:MapPost|}("/messages", () => "ok").WithName("post");"""))
            .Fixed(Minimal("""app.MapPost("/messages", () => "ok").RequireAuthorization().WithName("post");"""), codeActionIndex: 0)
            .RunAsync();

    [Fact]
    public Task Fix_adds_AllowAnonymous()
        => Verify.CodeFix<EndpointProtectionAnalyzer, UnprotectedRouteCodeFixProvider>(Minimal("""app.{|A0G001:MapGet|}("/health", () => "ok");"""))
            .Fixed(Minimal("""app.MapGet("/health", () => "ok").AllowAnonymous();"""), codeActionIndex: 1)
            .RunAsync();

    [Fact]
    public Task Generated_code_is_not_analyzed()
    {
        var test = Verify.Analyzer<EndpointProtectionAnalyzer>(Minimal("""app.MapGet("/a", () => "ok").RequireAuthorization();"""));
        test.TestState.Sources.Add(("/0/Endpoints.g.cs", Infrastructure.Test<EndpointProtectionAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>.Usings + """
            // <auto-generated/>
            public static class GeneratedEndpoints
            {
                public static void Map(WebApplication app) => app.MapGet("/generated", () => "ok");
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Endpoints_mapped_inside_a_local_function_are_analyzed()
        => Analyze(Minimal("""
            MapAll();

            void MapAll()
            {
                app.{|A0G001:MapGet|}("/a", () => "ok");
                app.MapGet("/b", () => "ok").RequireAuthorization();
            }
            """));
}
