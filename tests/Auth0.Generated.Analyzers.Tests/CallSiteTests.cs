namespace Auth0.Generated.Analyzers.Tests;

/// <summary>
/// A0G004: endpoints mapped in modules (extension methods in their own files, several levels deep, groups returned to the
/// caller, versioned APIs), judged at every call site in the compilation. Program.cs is the first document.
/// </summary>
public class CallSiteTests
{
    /// <summary>Asp.Versioning's shapes (the package is not referenced by the tests): the builder it returns derives from IEndpointRouteBuilder.</summary>
    private const string VersioningStub = """
        namespace Asp.Versioning.Builder
        {
            public interface IVersionedEndpointRouteBuilder : Microsoft.AspNetCore.Routing.IEndpointRouteBuilder { }
        }

        namespace Microsoft.AspNetCore.Builder
        {
            using Asp.Versioning.Builder;

            public static class VersioningStubs
            {
                public static IVersionedEndpointRouteBuilder NewVersionedApi(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder app, string name) => throw new System.NotSupportedException();
                public static TBuilder HasApiVersion<TBuilder>(this TBuilder builder, double version) where TBuilder : IEndpointConventionBuilder => builder;
            }
        }
        """;

    internal static Test<EndpointProtectionAnalyzer, EmptyCodeFixProvider> App(string program, params (string Name, string Source)[] files)
    {
        var test = Verify.Analyzer<EndpointProtectionAnalyzer>(program, topLevel: true);
        foreach (var (name, source) in files)
        {
            test.TestState.Sources.Add(("/0/" + name, Test<EndpointProtectionAnalyzer, EmptyCodeFixProvider>.Usings + source));
        }

        test.DisabledDiagnostics.Add(DiagnosticIds.ProtectionNotEstablished);
        return test;
    }

    private const string CatalogModule = """
        public static class CatalogApi
        {
            public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
            {
                var api = app.MapGroup("api/catalog");
                api.{|A0G004:MapGet|}("/items", () => "items");
                api.{|A0G004:MapPut|}("/items", () => "updated");
                api.MapDelete("/items/{id}", (int id) => id).RequireAuthorization();
                return app;
            }
        }
        """;

    [Fact]
    public Task A_module_in_its_own_file_called_on_the_app_is_reported_at_its_Map_calls()
        => App(
            """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapCatalogApi();
            app.Run();
            """,
            ("CatalogApi.cs", CatalogModule)).RunAsync();

    [Fact]
    public Task The_message_names_the_unprotected_call_site()
        => App(
            """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapOrders();
            app.Run();
            """,
            ("Orders.cs", """
                public static class Orders
                {
                    public static void MapOrders(this WebApplication app) => Map(app.MapGroup("/orders"));

                    private static void Map(RouteGroupBuilder group) => group.MapGet("/", () => "ok");
                }
                """))
            .Expect(new DiagnosticResult(DiagnosticIds.UnprotectedThroughCallSite, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                .WithSpan("/0/Orders.cs", 14, 63, 14, 69)
                .WithArguments("'MapGet /'", "'Map(...)' (Orders.cs line 12)"))
            .RunAsync();

    [Fact]
    public Task A_module_called_on_a_protected_group_is_silent()
        => App(
            """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGroup("/v1").RequireAuthorization().MapCatalogApi();
            var secured = app.MapGroup("/v2");
            secured.RequireScopes("read:catalog");
            secured.MapCatalogApi();
            app.Run();
            """,
            ("CatalogApi.cs", CatalogModule.Replace("{|A0G004:MapGet|}", "MapGet").Replace("{|A0G004:MapPut|}", "MapPut"))).RunAsync();

    [Fact]
    public Task An_endpoint_mapped_twice_once_unprotected_is_reported()
        => App(
            """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGroup("/secure").RequireAuthorization().MapCatalogApi();
            app.MapGroup("/open").MapCatalogApi();
            app.Run();
            """,
            ("CatalogApi.cs", CatalogModule)).RunAsync();

    [Fact]
    public Task Three_levels_of_modules_are_followed()
        => App(
            """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapApi();
            app.Run();
            """,
            ("Api.cs", """
                public static class Api
                {
                    public static void MapApi(this IEndpointRouteBuilder app)
                    {
                        var api = app.MapGroup("/api");
                        api.MapV1();
                        api.MapGroup("/admin").RequireRoles("admin").MapV1();
                    }
                }
                """),
            ("V1.cs", """
                public static class V1
                {
                    public static RouteGroupBuilder MapV1(this RouteGroupBuilder api)
                    {
                        var v1 = api.MapGroup("/v1").WithTags("v1");
                        v1.MapOrders();
                        return api;
                    }
                }
                """),
            ("Orders.cs", """
                public static class Orders
                {
                    public static IEndpointRouteBuilder MapOrders(this IEndpointRouteBuilder endpoints)
                    {
                        endpoints.{|A0G004:MapGet|}("/orders", () => "orders");
                        endpoints.MapPost("/orders", () => "created").RequireScopes("write:orders");
                        return endpoints;
                    }
                }
                """)).RunAsync();

    [Fact]
    public Task Three_levels_of_modules_protected_at_the_top_are_silent()
        => App(
            """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGroup("/").RequireAuthorization().MapApi();
            app.Run();
            """,
            ("Api.cs", """
                public static class Api
                {
                    public static void MapApi(this IEndpointRouteBuilder app) => app.MapGroup("/api").MapV1();
                }
                """),
            ("V1.cs", """
                public static class V1
                {
                    public static void MapV1(this RouteGroupBuilder api) => api.MapGroup("/v1").MapOrders();
                }
                """),
            ("Orders.cs", """
                public static class Orders
                {
                    public static void MapOrders(this IEndpointRouteBuilder endpoints) => endpoints.MapGet("/orders", () => "orders");
                }
                """)).RunAsync();

    [Fact]
    public Task A_returned_group_is_protected_by_what_the_caller_chains_onto_it()
        => App(
            """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapOrders().RequireAuthorization();
            var customers = app.MapCustomers();
            customers.RequireScopes("read:customers");
            app.MapInvoices().WithTags("invoices");
            app.Run();
            """,
            ("Modules.cs", """
                public static class Modules
                {
                    public static RouteGroupBuilder MapOrders(this IEndpointRouteBuilder app)
                    {
                        var group = app.MapGroup("/orders");
                        group.MapGet("/", () => "orders");
                        return group;
                    }

                    public static RouteGroupBuilder MapCustomers(this IEndpointRouteBuilder app)
                    {
                        var group = app.MapGroup("/customers");
                        group.MapGet("/", () => "customers");
                        return group;
                    }

                    public static RouteGroupBuilder MapInvoices(this IEndpointRouteBuilder app)
                    {
                        var group = app.MapGroup("/invoices");
                        group.{|A0G004:MapGet|}("/", () => "invoices");
                        return group;
                    }
                }
                """)).RunAsync();

    [Fact]
    public Task Versioned_APIs_are_followed_through_the_versioned_builder()
        => App(
            """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapCatalog();
            app.MapBasket();
            app.Run();
            """,
            ("Versioning.cs", VersioningStub),
            ("Catalog.cs", """
                public static class Catalog
                {
                    public static IEndpointRouteBuilder MapCatalog(this IEndpointRouteBuilder app)
                    {
                        var vApi = app.NewVersionedApi("Catalog");
                        var api = vApi.MapGroup("api/catalog").HasApiVersion(1.0);
                        api.{|A0G004:MapGet|}("/items", () => "items");
                        api.MapPut("/items", () => "updated").RequireAuthorization();
                        return app;
                    }

                    public static IEndpointRouteBuilder MapBasket(this IEndpointRouteBuilder app)
                    {
                        var api = app.NewVersionedApi("Basket").MapGroup("api/basket").HasApiVersion(1.0).RequireAuthorization();
                        api.MapGet("/", () => "basket");
                        return app;
                    }
                }
                """)).RunAsync();

    [Fact]
    public Task Static_helpers_taking_the_group_and_WebApplication_parameters_are_followed()
        => App(
            """
            var app = WebApplication.CreateBuilder(args).Build();
            Endpoints.Register(app);
            app.Run();
            """,
            ("Endpoints.cs", """
                public static class Endpoints
                {
                    public static void Register(WebApplication app)
                    {
                        app.{|A0G001:MapGet|}("/status", () => "ok");
                        Users(app.MapGroup("/users"));
                        Admin(app.MapGroup("/admin").RequireAuthorization());
                    }

                    private static void Users(RouteGroupBuilder group)
                    {
                        group.{|A0G004:MapGet|}("/", () => "users");
                        group.MapPost("/", () => "created").RequireScopes("write:users");
                    }

                    private static void Admin(RouteGroupBuilder group) => group.MapDelete("/{id}", (int id) => id);
                }
                """)).RunAsync();

    [Fact]
    public Task A_module_that_protects_its_parameter_protects_its_endpoints()
        => App(
            """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGroup("/a").MapSecured();
            app.Run();
            """,
            ("Secured.cs", """
                public static class Secured
                {
                    public static void MapSecured(this RouteGroupBuilder group)
                    {
                        group.RequireAuthorization();
                        group.MapGet("/", () => "ok");
                    }
                }
                """)).RunAsync();

    [Fact]
    public Task Methods_never_called_in_the_project_or_handed_on_as_delegates_stay_unknown()
        => App(
            """
            var app = WebApplication.CreateBuilder(args).Build();
            Register(Modules.MapAsDelegate);
            app.Run();

            static void Register(System.Action<IEndpointRouteBuilder> map) { }
            """,
            ("Modules.cs", """
                public static class Modules
                {
                    public static void MapLibrary(this IEndpointRouteBuilder app) => app.MapGet("/library", () => "ok");

                    public static void MapAsDelegate(IEndpointRouteBuilder app) => app.MapGet("/delegate", () => "ok");
                }
                """)).RunAsync();

    [Fact]
    public Task Modules_invoked_through_delegates_are_judged_at_the_invocations()
        => App(
            """
            var app = WebApplication.CreateBuilder(args).Build();
            System.Action<IEndpointRouteBuilder>[] modules = { Modules.MapOpen };
            foreach (var module in modules)
            {
                module(app);
            }

            // Invoked only on a protected group: not reported (a delegate may also be invoked where the analysis cannot see).
            System.Action<RouteGroupBuilder> secured = Modules.MapSecured;
            secured(app.MapGroup("/s").RequireAuthorization());
            app.Run();
            """,
            ("Modules.cs", """
                public static class Modules
                {
                    public static void MapOpen(IEndpointRouteBuilder app) => app.{|A0G004:MapGet|}("/open", () => "ok");

                    public static void MapSecured(RouteGroupBuilder group) => group.MapGet("/secured", () => "ok");
                }
                """)).RunAsync();

    [Fact]
    public Task A_delegate_use_does_not_hide_an_unprotected_call_site()
        => App(
            """
            var app = WebApplication.CreateBuilder(args).Build();
            System.Action<IEndpointRouteBuilder> map = Modules.MapBoth;
            Modules.MapBoth(app);
            app.Run();
            """,
            ("Modules.cs", """
                public static class Modules
                {
                    public static void MapBoth(IEndpointRouteBuilder app) => app.{|A0G004:MapGet|}("/both", () => "ok");
                }
                """)).RunAsync();

    private const string InterfaceModules = """
        public interface IModule
        {
            void AddRoutes(IEndpointRouteBuilder app);
        }

        public sealed class PostsModule : IModule
        {
            public void AddRoutes(IEndpointRouteBuilder app)
            {
                var posts = app.MapGroup("/posts");
                posts.{|A0G004:MapGet|}("/", () => "posts");
                posts.MapPost("/", () => "created").RequireAuthorization();
            }
        }

        public sealed class TagsModule : IModule
        {
            void IModule.AddRoutes(IEndpointRouteBuilder app) => app.{|A0G004:MapGet|}("/tags", () => "tags");
        }

        public abstract class EndpointGroup
        {
            public abstract void Map(IEndpointRouteBuilder app);
        }

        public sealed class Users : EndpointGroup
        {
            public override void Map(IEndpointRouteBuilder app) => app.{|A0G004:MapGet|}("/users", () => "users");
        }
        """;

    /// <summary>The builder the modules are called on: the application itself (their endpoints are reported) or a protected group (silent).</summary>
    public static TheoryData<string, bool> Targets => new()
    {
        { "app", true },
        { "app.MapGroup(\"/api\").RequireAuthorization()", false },
    };

    /// <summary>
    /// A program that runs <paramref name="calls"/> on <c>target</c> (<paramref name="builder"/>, one of <see cref="Targets"/>)
    /// with <paramref name="modules"/> in Modules.cs, whose <c>{|A0G004:MapGet|}</c> marks are expected only when
    /// <paramref name="reported"/>.
    /// </summary>
    private static Test<EndpointProtectionAnalyzer, EmptyCodeFixProvider> OnTarget(string builder, bool reported, string calls, string modules)
        => App(
            $$"""
            var app = WebApplication.CreateBuilder(args).Build();
            var target = {{builder}};
            {{calls}}
            app.Run();
            """,
            ("Modules.cs", reported ? modules : modules.Replace("{|A0G004:MapGet|}", "MapGet", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(Targets))]
    public Task Modules_called_through_an_interface_or_a_base_class_are_judged_at_those_call_sites(string builder, bool reported)
        => OnTarget(builder, reported, """
            IModule[] modules = { new PostsModule(), new TagsModule() };
            foreach (var module in modules)
            {
                module.AddRoutes(target);
            }

            EndpointGroup users = new Users();
            users.Map(target);
            """, InterfaceModules).RunAsync();

    private const string StoredGroupModule = """
        public static class Endpoints
        {
            public static RouteGroupBuilder Routes { get; set; } = null!;

            public static void MapAll()
            {
                Routes.{|A0G004:MapGet|}("/items", () => "items");
                Routes.MapPost("/items", () => "created").RequireAuthorization();
                Routes.MapGroup("/v2").{|A0G004:MapGet|}("/items", () => "items");
            }
        }

        public sealed class OrdersModule
        {
            private RouteGroupBuilder? _group;

            public void Register(IEndpointRouteBuilder app)
            {
                _group = app.MapGroup("/orders");
                MapRoutes();
            }

            private void MapRoutes() => _group!.{|A0G004:MapGet|}("/", () => "orders");
        }
        """;

    /// <summary>
    /// A group kept in a static property (set in Program.cs, mapped on in a module) or an instance field: every builder the
    /// project stores in it is a call site of the endpoints mapped on it.
    /// </summary>
    [Theory]
    [MemberData(nameof(Targets))]
    public Task Groups_kept_in_a_field_or_property_are_judged_by_what_the_project_stores_in_it(string builder, bool reported)
        => OnTarget(builder, reported, """
            Endpoints.Routes = target.MapGroup("/inventory");
            Endpoints.MapAll();
            new OrdersModule().Register(target);
            """, StoredGroupModule).RunAsync();

    private const string ConstructorModules = """
        public sealed class OrdersEndpoints
        {
            public OrdersEndpoints(IEndpointRouteBuilder app) => app.MapGroup("/orders").{|A0G004:MapGet|}("/", () => "orders");
        }

        public sealed class InvoicesModule
        {
            private readonly RouteGroupBuilder _group;

            public InvoicesModule(IEndpointRouteBuilder app) => _group = app.MapGroup("/invoices");

            public void Map() => _group.{|A0G004:MapGet|}("/", () => "invoices");
        }
        """;

    /// <summary>A constructor taking a builder is a method of yours like any other: each <c>new</c> of it is a call site.</summary>
    [Theory]
    [MemberData(nameof(Targets))]
    public Task Builders_passed_to_a_constructor_are_judged_at_each_new(string builder, bool reported)
        => OnTarget(builder, reported, """
            _ = new OrdersEndpoints(target);
            new InvoicesModule(target).Map();
            """, ConstructorModules).RunAsync();

    [Fact]
    public Task One_unprotected_store_is_enough_to_report()
        => App(
            """
            var app = WebApplication.CreateBuilder(args).Build();
            Endpoints.Routes = app.MapGroup("/inventory").RequireAuthorization();
            Endpoints.MapAll();
            Endpoints.Routes = app.MapGroup("/legacy");
            Endpoints.MapAll();
            new OrdersModule().Register(app.MapGroup("/orders").RequireAuthorization());
            app.Run();
            """,
            ("Endpoints.cs", StoredGroupModule.Replace("_group!.{|A0G004:MapGet|}", "_group!.MapGet"))).RunAsync();

    [Fact]
    public Task A_fallback_policy_silences_call_site_findings()
        => App(
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorizationBuilder().AddFallbackPolicy("authenticated", policy => policy.RequireAuthenticatedUser());
            var app = builder.Build();
            app.MapCatalogApi();
            app.Run();
            """,
            ("CatalogApi.cs", CatalogModule.Replace("{|A0G004:MapGet|}", "MapGet").Replace("{|A0G004:MapPut|}", "MapPut"))).RunAsync();

    [Fact]
    public Task Endpoints_inside_UseEndpoints_are_analyzed()
        => Verify.Analyzer<EndpointProtectionAnalyzer>("""
            public static class Startup
            {
                public static void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints =>
                    {
                        endpoints.{|A0G001:MapGet|}("/open", () => "ok");
                        endpoints.MapGet("/closed", () => "ok").RequireAuthorization();
                        var api = endpoints.MapGroup("/api");
                        api.{|A0G001:MapPost|}("/x", () => "ok");
                    });
                }
            }
            """).RunAsync();

    [Fact]
    public Task MapHub_is_analyzed_with_the_hub_class_attributes()
        => Verify.Analyzer<EndpointProtectionAnalyzer>("""
            public class ChatHub : Microsoft.AspNetCore.SignalR.Hub { }

            [Authorize]
            public class SecureHub : Microsoft.AspNetCore.SignalR.Hub { }

            public class DerivedHub : SecureHub { }

            public static class Hubs
            {
                public static void Configure(WebApplication app)
                {
                    app.{|A0G001:MapHub<ChatHub>|}("/chat");
                    app.MapHub<SecureHub>("/secure");
                    app.MapHub<DerivedHub>("/derived");
                    app.MapHub<ChatHub>("/chat2").RequireAuthorization();
                }
            }
            """).RunAsync();
}
