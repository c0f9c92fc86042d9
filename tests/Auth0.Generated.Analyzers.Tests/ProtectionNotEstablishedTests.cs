namespace Auth0.Generated.Analyzers.Tests;

/// <summary>A0G003 (opt-in): endpoints whose protection the analysis could not establish, enabled the way users enable it.</summary>
public class ProtectionNotEstablishedTests
{
    private const string EditorConfig = """
        root = true

        [*.cs]
        dotnet_diagnostic.A0G003.severity = warning
        """;

    private static Test<EndpointProtectionAnalyzer, EmptyCodeFixProvider> Enabled(string program, params (string Name, string Source)[] files)
    {
        var test = CallSiteTests.App(program, files);
        test.DisabledDiagnostics.Clear();
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", EditorConfig));
        return test;
    }

    [Fact]
    public Task Each_unknown_pattern_is_reported_with_its_reason_when_enabled()
        => Enabled(
            """
            var app = WebApplication.CreateBuilder(args).Build();
            System.Action<IEndpointRouteBuilder> map = Modules.MapAsDelegate;
            Modules.Register(app);
            app.Run();
            """,
            ("Modules.cs", """
                public static class Modules
                {
                    private static RouteGroupBuilder? _stored;
                    private static readonly Delegate Handler = () => "ok";

                    public static RouteGroupBuilder? SetElsewhere { get; set; }

                    public static void MapLibrary(this IEndpointRouteBuilder app) => app.{|#0:MapGet|}("/library", () => "ok");

                    public static void MapAsDelegate(IEndpointRouteBuilder app) => app.{|#1:MapGet|}("/delegate", () => "ok");

                    public static void Register(WebApplication app)
                    {
                        app.{|#2:MapGet|}("/foreign", Handler);
                        _stored = app.MapGroup("/stored");
                        _stored.WithTags("stored"); // a convention the analysis does not attribute to the stores
                        _stored.{|#3:MapGet|}("/", () => "ok");
                        SetElsewhere!.{|#6:MapGet|}("/", () => "ok");
                        RouteGroupBuilder[] groups = { app.MapGroup("/array") };
                        groups[0].{|#7:MapGet|}("/", () => "ok");
                        new Primary(app).Map();
                        var group = app.MapGroup("/a");
                        group = app.MapGroup("/b");
                        group.{|#4:MapGet|}("/", () => "ok");
                        var raw = app.MapGroup("/raw");
                        ((IEndpointConventionBuilder)raw).Add(endpoint => endpoint.Metadata.Add(new AuthorizeAttribute()));
                        raw.{|#5:MapGet|}("/", () => "ok");
                    }
                }

                public sealed class Primary(IEndpointRouteBuilder app)
                {
                    public void Map() => app.{|#8:MapGet|}("/primary", () => "ok");
                }
                """))
            .Expect(
                Unknown(0, "'MapGet /library'", UnknownReasons.NoCallSite),
                Unknown(1, "'MapGet /delegate'", UnknownReasons.UsedAsDelegate),
                Unknown(2, "'MapGet /foreign'", UnknownReasons.ForeignHandler),
                Unknown(3, "'MapGet /'", UnknownReasons.MemberUsedOtherwise),
                Unknown(4, "'MapGet /'", UnknownReasons.Reassigned),
                Unknown(5, "'MapGet /'", UnknownReasons.RawConvention),
                Unknown(6, "'MapGet /'", UnknownReasons.MemberNeverStored),
                Unknown(7, "'MapGet /'", UnknownReasons.FieldOrProperty),
                Unknown(8, "'MapGet /primary'", UnknownReasons.PrimaryConstructorParameter))
            .RunAsync();

    [Fact]
    public Task Decided_endpoints_are_not_reported_when_enabled()
        => Enabled(
            """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/a", () => "ok").RequireAuthorization();
            app.MapGet("/b", () => "ok").AllowAnonymous();
            app.{|A0G001:MapGet|}("/c", () => "ok");
            app.MapGroup("/m").RequireAuthorization().MapModule();
            app.Run();
            """,
            ("Module.cs", """
                public static class Module
                {
                    public static void MapModule(this RouteGroupBuilder group) => group.MapGet("/", () => "ok");
                }
                """)).RunAsync();

    [Fact]
    public Task An_unknown_call_site_makes_the_endpoint_unknown_not_unprotected()
        => Enabled(
            """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGroup("/a").RequireAuthorization().MapModule();
            Holder.Group.MapModule();
            app.Run();
            """,
            ("Module.cs", """
                public static class Holder
                {
                    public static RouteGroupBuilder Group { get; set; } = null!;
                }

                public static class Module
                {
                    public static void MapModule(this RouteGroupBuilder group) => group.{|#0:MapGet|}("/", () => "ok");
                }
                """))
            .Expect(Unknown(0, "'MapGet /'", UnknownReasons.MemberUsedOtherwise))
            .RunAsync();

    private static DiagnosticResult Unknown(int location, string endpoint, string reason)
        => new DiagnosticResult(DiagnosticIds.ProtectionNotEstablished, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithLocation(location)
            .WithArguments(endpoint, reason);
}
