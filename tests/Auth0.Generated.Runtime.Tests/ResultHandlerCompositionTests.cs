using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Auth0.Generated.Runtime.Tests;

/// <summary>
/// <c>AddAuth0Api</c> wraps an application's own <see cref="IAuthorizationMiddlewareResultHandler"/> instead of
/// replacing it, and <c>AddAuthentication().AddAuth0Api()</c> registers the same scheme.
/// </summary>
public sealed class ResultHandlerCompositionTests(IssuerFixture fixture) : SharedIssuerTests(fixture)
{

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_app_handler_answers_other_results_and_ours_answers_our_failures(bool throughAuthenticationBuilder)
    {
        await using var app = await StartAsync(services =>
        {
            // Registered before AddAuth0Api, as an application does.
            services.AddSingleton<IAuthorizationMiddlewareResultHandler, TeapotOnForbidHandler>();
            services.AddAuthorizationBuilder().AddPolicy("admins", policy => policy.RequireClaim("admin"));
            if (throughAuthenticationBuilder)
            {
                services.AddAuthenticationCore().AddWebEncoders();
                new Microsoft.AspNetCore.Authentication.AuthenticationBuilder(services).AddAuth0Api();
            }
            else
            {
                services.AddAuth0Api();
            }
        });

        var client = app.GetTestClient();
        var token = Issuer.Token().Scope("read:other").Build();

        // Our requirement fails: our RFC 6750 answer.
        var scoped = await Send(client, "/scoped", token);
        Assert.Equal(HttpStatusCode.Forbidden, scoped.StatusCode);
        Assert.Contains("insufficient_scope", scoped.Headers.WwwAuthenticate.ToString(), System.StringComparison.Ordinal);

        // A policy of the application's fails: the application's own handler answers.
        var admin = await Send(client, "/admin", token);
        Assert.Equal((HttpStatusCode)418, admin.StatusCode);

        // Success passes through the application's handler to the endpoint.
        var ok = await Send(client, "/scoped", Issuer.Token().Scope("read:messages").Build());
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task Calling_AddAuth0Api_twice_wraps_once()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, TeapotOnForbidHandler>();
        services.AddAuth0Api(o => { o.Domain = "tenant.example.com"; o.Audience = "https://api.example.com"; });
        services.AddAuth0Api(o => { o.Domain = "tenant.example.com"; o.Audience = "https://api.example.com"; });

        await using var provider = services.BuildServiceProvider();
        var handlers = new List<IAuthorizationMiddlewareResultHandler>(provider.GetServices<IAuthorizationMiddlewareResultHandler>());
        var ours = Assert.IsType<Authorization.Auth0AuthorizationResultHandler>(Assert.Single(handlers));
        Assert.IsType<TeapotOnForbidHandler>(ours.Inner);
    }

    private async Task<WebApplication> StartAsync(System.Action<IServiceCollection> register)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AUTH0_DOMAIN"] = Issuer.Domain,
            ["AUTH0_AUDIENCE"] = TestIssuer.DefaultAudience,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddRouting();
        register(builder.Services);
        builder.Services.AddHttpClient(Auth0ApiDefaults.BackchannelHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(Issuer.CreateBackchannelHandler);
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/scoped", () => "ok").RequireScopes("read:messages");
        app.MapGet("/admin", () => "ok").RequireAuthorization("admins");
        await app.StartAsync();
        return app;
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }

    /// <summary>An application's own result handler: answers 418 where ASP.NET Core would answer 403.</summary>
    private sealed class TeapotOnForbidHandler : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            if (authorizeResult.Forbidden)
            {
                context.Response.StatusCode = 418;
                return Task.CompletedTask;
            }

            return _default.HandleAsync(next, context, policy, authorizeResult);
        }
    }
}
