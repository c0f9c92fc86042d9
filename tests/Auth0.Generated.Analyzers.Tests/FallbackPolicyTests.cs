namespace Auth0.Generated.Analyzers.Tests;

/// <summary>Which authorization settings protect every endpoint (a fallback policy), and which do not (the default policy).</summary>
public class FallbackPolicyTests
{
    private static Task Program(string services, string endpoints)
        => Verify.Analyzer<EndpointProtectionAnalyzer>(
            "var builder = WebApplication.CreateBuilder(args);\n" + services + "\nvar app = builder.Build();\n" + endpoints + "\napp.Run();\n",
            topLevel: true).RunAsync();

    [Theory]
    [InlineData("""builder.Services.AddAuthorizationBuilder().AddFallbackPolicy("authenticated", policy => policy.RequireAuthenticatedUser());""")]
    [InlineData("""builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());""")]
    [InlineData("""builder.Services.AddAuthorization(options => options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());""")]
    public Task A_fallback_policy_protects_every_endpoint(string services)
        => Program(
            services,
            """
            app.MapGet("/", () => "ok");
            app.MapGroup("/api").MapPost("/a", () => "ok");
            """);

    [Fact]
    public Task AddFallbackPolicy_with_a_policy_protects_every_endpoint()
        => Program(
            """
            builder.Services.AddAuthorizationBuilder()
                .AddPolicy("admin", policy => policy.RequireRole("admin"))
                .AddFallbackPolicy("authenticated", new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
            """,
            """app.MapGet("/", () => "ok");""");

    [Fact]
    public Task A_null_fallback_policy_protects_nothing()
        => Program(
            """builder.Services.AddAuthorization(options => options.FallbackPolicy = null);""",
            """app.{|A0G001:MapGet|}("/", () => "ok");""");

    [Fact]
    public Task SetDefaultPolicy_and_AddDefaultPolicy_are_not_fallbacks()
        => Program(
            """
            builder.Services.AddAuthorizationBuilder()
                .SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
                .AddDefaultPolicy("default", policy => policy.RequireAuthenticatedUser());
            builder.Services.AddAuthorization(options => options.DefaultPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
            """,
            """app.{|A0G001:MapGet|}("/", () => "ok");""");

    [Fact]
    public Task A_fallback_policy_protects_controllers_too()
        => Verify.Analyzer<EndpointProtectionAnalyzer>("""
            using Microsoft.AspNetCore.Mvc;

            public static class Startup
            {
                public static void Configure(IServiceCollection services)
                    => services.AddAuthorizationBuilder().AddFallbackPolicy("signed-in", policy => policy.RequireAuthenticatedUser());
            }

            public class MessagesController : ControllerBase
            {
                public string Get() => "ok";
            }
            """).RunAsync();
}
