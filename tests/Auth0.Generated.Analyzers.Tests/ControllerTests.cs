using Auth0.Generated.CodeFixes;

namespace Auth0.Generated.Analyzers.Tests;

/// <summary>A0G001 on controller actions, with class-level and inherited attributes, global protection, and the fixes.</summary>
public class ControllerTests
{
    private const string Mvc = "using Microsoft.AspNetCore.Mvc;\n";

    private static Task Analyze(string source) => Verify.Analyzer<EndpointProtectionAnalyzer>(Mvc + source).RunAsync();

    [Fact]
    public Task Public_actions_of_an_unprotected_controller_are_reported()
        => Analyze("""
            [ApiController]
            public class MessagesController : ControllerBase
            {
                public string {|A0G001:Get|}() => "ok";
                public string {|A0G001:Post|}(string body) => body;
                [NonAction] public string Helper() => "not an action";
                private string Hidden() => "not an action";
                public static string Static() => "not an action";
                public override string ToString() => "not an action";
            }

            public class DisposingController : ControllerBase, IDisposable
            {
                public string {|A0G001:Get|}() => "ok";
                public void Dispose() { }
            }
            """);

    [Fact]
    public Task Class_level_Authorize_protects_every_action()
        => Analyze("""
            [Authorize]
            public class MessagesController : ControllerBase
            {
                public string Get() => "ok";
            }

            [RequireScopes("read:messages")]
            public class ScopedController : ControllerBase
            {
                public string Get() => "ok";
            }
            """);

    [Fact]
    public Task Authorize_on_a_base_controller_is_inherited()
        => Analyze("""
            [Authorize]
            public abstract class SecuredControllerBase : ControllerBase
            {
            }

            public class MessagesController : SecuredControllerBase
            {
                public string Get() => "ok";
            }
            """);

    [Fact]
    public Task Action_attributes_protect_that_action_only()
        => Analyze("""
            public class MessagesController : ControllerBase
            {
                [Authorize] public string Get() => "ok";
                [AllowAnonymous] public string Health() => "ok";
                [RequireScopes("write:messages")] public string Post() => "ok";
                public string {|A0G001:Delete|}() => "ok";
            }
            """);

    [Fact]
    public Task Non_controllers_are_ignored()
        => Analyze("""
            [NonController]
            public class NotAController : ControllerBase
            {
                public string Get() => "ok";
            }

            public class PlainController
            {
                public string Get() => "ok";
            }

            public abstract class AbstractController : ControllerBase
            {
                public string Get() => "ok";
            }
            """);

    [Fact]
    public Task A_global_AuthorizeFilter_protects_controllers()
        => Analyze("""
            public static class Startup
            {
                public static void Configure(IServiceCollection services)
                    => services.AddControllers(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter()));
            }

            public class MessagesController : ControllerBase
            {
                public string Get() => "ok";
            }
            """);

    [Fact]
    public Task MapControllers_RequireAuthorization_protects_controllers()
        => Analyze("""
            public static class Startup
            {
                public static void Configure(WebApplication app) => app.MapControllers().RequireAuthorization();
            }

            public class MessagesController : ControllerBase
            {
                public string Get() => "ok";
            }
            """);

    [Fact]
    public Task A_plain_MapControllers_does_not_protect_controllers()
        => Analyze("""
            public static class Startup
            {
                public static void Configure(WebApplication app) => app.MapControllers();
            }

            public class MessagesController : ControllerBase
            {
                public string {|A0G001:Get|}() => "ok";
            }
            """);

    [Fact]
    public Task Public_actions_inherited_from_a_generic_base_controller_are_checked()
        => Analyze("""
            public class Customer { }
            public class Order { }

            [ApiController]
            public abstract class CrudControllerBase<T> : ControllerBase
            {
                [HttpGet] public virtual string {|A0G001:GetAll|}() => "all";
                [HttpDelete] public string {|A0G001:{|A0G001:Delete|}|}(int id) => "deleted"; // inherited by Customers and Orders
                [HttpPost, Authorize] public string Create(T item) => "created";
                protected string Helper() => "not an action";
            }

            public class CustomersController : CrudControllerBase<Customer>
            {
                public string {|A0G001:Search|}(string q) => q;
            }

            public class OrdersController : CrudControllerBase<Order>
            {
                [Authorize] public override string GetAll() => "all";
            }

            [Authorize]
            public class InvoicesController : CrudControllerBase<Order>
            {
            }
            """);

    [Fact]
    public Task An_inherited_action_protected_on_the_base_method_is_protected_in_every_controller()
        => Analyze("""
            public abstract class ReadControllerBase : ControllerBase
            {
                [Authorize] public virtual string Get() => "ok";
            }

            public class ItemsController : ReadControllerBase
            {
                public override string Get() => "overridden, still [Authorize] (inherited by MVC)";
            }
            """);

    [Fact]
    public Task Overrides_of_Controller_filters_are_not_actions()
        => Analyze("""
            public class HomeController : Controller
            {
                public override void OnActionExecuting(Microsoft.AspNetCore.Mvc.Filters.ActionExecutingContext context) { }
                public override void OnActionExecuted(Microsoft.AspNetCore.Mvc.Filters.ActionExecutedContext context) { }
                public string {|A0G001:Index|}() => "home";
            }
            """);

    [Fact]
    public Task Classes_MVC_discovers_by_the_Controller_suffix_are_checked_when_the_project_uses_MVC()
        => Analyze("""
            public static class Startup
            {
                public static void Configure(IServiceCollection services) => services.AddControllers();
            }

            public class PingController
            {
                public string {|A0G001:Get|}() => "pong";
            }

            [Authorize]
            public class SecurePingController
            {
                public string Get() => "pong";
            }

            [NonController]
            public class HelperController
            {
                public string Get() => "not routed";
            }

            internal class InternalController
            {
                public string Get() => "not routed";
            }
            """);

    [Fact]
    public Task Fix_adds_Authorize_and_its_using()
        => Verify.CodeFix<EndpointProtectionAnalyzer, UnprotectedRouteCodeFixProvider>(Mvc + """
            namespace Demo
            {
                public class MessagesController : ControllerBase
                {
                    [HttpGet]
                    public string {|A0G001:Get|}() => "ok";
                }
            }
            """)
            .Fixed(Mvc + """
            namespace Demo
            {
                public class MessagesController : ControllerBase
                {
                    [HttpGet]
                    [Authorize]
                    public string Get() => "ok";
                }
            }
            """, codeActionIndex: 0)
            .RunAsync();

    [Fact]
    public Task Fix_adds_AllowAnonymous_to_an_action_without_attributes()
        => Verify.CodeFix<EndpointProtectionAnalyzer, UnprotectedRouteCodeFixProvider>(Mvc + """
            namespace Demo
            {
                public class HealthController : ControllerBase
                {
                    public string {|A0G001:Get|}() => "ok";
                }
            }
            """)
            .Fixed(Mvc + """
            namespace Demo
            {
                public class HealthController : ControllerBase
                {
                    [AllowAnonymous]
                    public string Get() => "ok";
                }
            }
            """, codeActionIndex: 1)
            .RunAsync();

    [Fact]
    public Task Fix_adds_the_Authorization_using_when_missing()
        => Verify.CodeFix<EndpointProtectionAnalyzer, UnprotectedRouteCodeFixProvider>("""
            using Microsoft.AspNetCore.Mvc;

            namespace Demo;

            public class MessagesController : ControllerBase
            {
                public string {|A0G001:Get|}() => "ok";
            }
            """, usings: false)
            .Fixed("""
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;

            namespace Demo;

            public class MessagesController : ControllerBase
            {
                [Authorize]
                public string Get() => "ok";
            }
            """, codeActionIndex: 0)
            .RunAsync();
}
