using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Auth0.Generated.Runtime.Tests;

/// <summary>
/// <c>AddAuth0Api</c> composes with the application's authorization services: it wraps an application's own
/// <see cref="IAuthorizationMiddlewareResultHandler"/> instead of replacing it, <c>AddAuthentication().AddAuth0Api()</c>
/// registers the same scheme, and the policy-evaluation shortcut (a passing request on a policy of our requirements
/// skips ASP.NET Core's evaluation) steps aside for an application's own handlers, services and evaluator.
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

    [Fact]
    public async Task Passing_requests_on_our_policies_skip_the_stock_evaluation_and_every_other_request_uses_it()
    {
        await using var app = await StartAsync(services =>
        {
            services.AddAuthorizationBuilder().AddPolicy("admins", policy => policy.RequireClaim("admin"));
            services.AddAuth0Api();
        });
        var client = app.GetTestClient();
        var reader = Issuer.Token().Scope("read:messages").Build();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Send(client, "/scoped", reader)).StatusCode);
        }

        Counted(app, shortcuts: 3, fallbacks: 0);

        // A failing check: the stock evaluation answers, with our RFC 6750 explanation.
        var forbidden = await Send(client, "/scoped", Issuer.Token().Scope("read:other").Build());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("scope=\"read:messages\"", forbidden.Headers.WwwAuthenticate.ToString(), System.StringComparison.Ordinal);
        Counted(app, shortcuts: 3, fallbacks: 1);

        // No token, and an invalid one: 401 from the stock path.
        var anonymous = await client.GetAsync(new System.Uri("/scoped", System.UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(client, "/scoped", reader + "x")).StatusCode);

        // A policy with an application requirement beside ours, and an application policy alone: always the stock path.
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(client, "/mixed", reader)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(client, "/mixed", Issuer.Token().Scope("read:messages").With("admin", "yes").Build())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(client, "/admin", reader)).StatusCode);
        Counted(app, shortcuts: 3, fallbacks: 6);
    }

    [Fact]
    public async Task Plain_authorize_policies_take_the_shortcut_for_our_tokens_with_the_stock_answers()
    {
        await using var app = await StartAsync(services => services.AddAuth0Api());
        var client = app.GetTestClient();
        var token = Issuer.Token().Build();

        // The "authenticated user" requirement alone, with or without the scheme named: decided without the stock
        // evaluation, and the authentication result the middleware stores is the Auth0 scheme's, as with the stock one.
        var authenticated = await Send(client, "/authenticated", token);
        Assert.Equal(HttpStatusCode.OK, authenticated.StatusCode);
        Assert.Equal(Auth0ApiDefaults.AuthenticationScheme, await authenticated.Content.ReadAsStringAsync());
        var named = await Send(client, "/authenticated-scheme", token);
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        Assert.Equal(Auth0ApiDefaults.AuthenticationScheme, await named.Content.ReadAsStringAsync());
        Counted(app, shortcuts: 2, fallbacks: 0);

        // No token, and an invalid one: the stock path answers 401.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new System.Uri("/authenticated", System.UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(client, "/authenticated-scheme", token + "x")).StatusCode);
        Counted(app, shortcuts: 2, fallbacks: 2);
    }

    [Fact]
    public async Task A_check_that_completes_asynchronously_is_awaited_by_the_shortcut_and_its_failure_answered_by_the_stock_path()
    {
        await using var app = await StartAsync(services => services.AddAuth0Api());
        var client = app.GetTestClient();

        Assert.Equal(HttpStatusCode.OK, (await Send(client, "/slow-check", Issuer.Token().Scope("read:messages").Build())).StatusCode);
        Counted(app, shortcuts: 1, fallbacks: 0);

        // A failing claim check answers 401 invalid_token with its message (as a synchronous one does).
        await ResponseAssert.InvalidToken(await Send(client, "/slow-check", Issuer.Token().Scope("read:other").Build()), "Slow check failed");
        Counted(app, shortcuts: 1, fallbacks: 1);
    }

    [Fact]
    public async Task An_application_authorization_handler_turns_the_shortcut_off()
    {
        await using var app = await StartAsync(services =>
        {
            services.AddAuthorizationBuilder().AddPolicy("admins", policy => policy.RequireClaim("admin"));
            services.AddSingleton<IAuthorizationHandler, BusinessHoursHandler>();
            services.AddAuth0Api();
        });

        // The token passes our check, but the application's handler fails every policy: its decision stands.
        var response = await Send(app.GetTestClient(), "/scoped", Issuer.Token().Scope("read:messages").Build());
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Counted(app, shortcuts: 0, fallbacks: 1);
    }

    /// <summary>
    /// ASP.NET Core counts every authorization it evaluates (<c>aspnetcore.authorization.attempts</c>, meter
    /// <c>Microsoft.AspNetCore.Authorization</c>) in the authorization service the shortcut skips: a request the shortcut
    /// answers must be counted as the stock evaluation counts it (same instrument, same tags), or dashboards lose every
    /// passing request.
    /// </summary>
    [Fact]
    public async Task Requests_the_shortcut_answers_are_counted_in_aspnetcore_authorization_attempts_as_the_stock_path_counts_them()
    {
        async Task<string[]> AttemptsAsync(bool shortcut)
        {
            await using var app = await StartAsync(services =>
            {
                services.AddAuth0Api();
                if (!shortcut)
                {
                    services.AddSingleton<IAuthorizationHandler, NeutralHandler>(); // same answers, stock evaluation
                }
            });
            var factory = app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
            var attempts = new System.Collections.Concurrent.ConcurrentQueue<string>();
            using var listener = new System.Diagnostics.Metrics.MeterListener
            {
                InstrumentPublished = (instrument, l) =>
                {
                    if (instrument.Name == "aspnetcore.authorization.attempts" && ReferenceEquals(instrument.Meter.Scope, factory))
                    {
                        l.EnableMeasurementEvents(instrument);
                    }
                },
            };
            listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                var text = new List<string>();
                foreach (var tag in tags)
                {
                    text.Add(tag.Key + "=" + tag.Value);
                }

                text.Sort(System.StringComparer.Ordinal);
                attempts.Enqueue(value + " " + string.Join(",", text));
            });
            listener.Start();

            var client = app.GetTestClient();
            Assert.Equal(HttpStatusCode.OK, (await Send(client, "/scoped", Issuer.Token().Scope("read:messages").Build())).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Send(client, "/authenticated", Issuer.Token().Build())).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await Send(client, "/scoped", Issuer.Token().Scope("read:other").Build())).StatusCode);
            Counted(app, shortcuts: shortcut ? 2 : 0, fallbacks: shortcut ? 1 : 3);
            return [.. attempts];
        }

        var stock = await AttemptsAsync(shortcut: false);
        Assert.Equal(
            [
                "1 aspnetcore.authorization.result=success,aspnetcore.user.is_authenticated=True",
                "1 aspnetcore.authorization.result=success,aspnetcore.user.is_authenticated=True",
                "1 aspnetcore.authorization.result=failure,aspnetcore.user.is_authenticated=True",
            ],
            stock);
        Assert.Equal(stock, await AttemptsAsync(shortcut: true));
    }

    /// <summary>
    /// A request the shortcut does not answer costs what it costs without Auth0.Generated: one stock evaluation, with the
    /// request's authorization service resolved once (the stock evaluator is transient; authentication and authorization
    /// of one request share it).
    /// </summary>
    [Fact]
    public async Task A_request_the_shortcut_does_not_answer_resolves_the_authorization_service_once()
    {
        var resolutions = new ResolutionCount();
        await using var app = await StartAsync(services =>
        {
            services.AddAuth0Api();
            services.AddSingleton(resolutions);
            services.AddTransient<IAuthorizationService, CountedAuthorizationService>(); // not ASP.NET Core's own: no shortcut
        });
        var client = app.GetTestClient();
        var token = Issuer.Token().Scope("read:messages").Build();

        // The first request also decides, once for the application, whether the shortcut applies (it resolves the service too).
        Assert.Equal(HttpStatusCode.OK, (await Send(client, "/scoped", token)).StatusCode);
        var before = resolutions.Value;
        Assert.Equal(HttpStatusCode.OK, (await Send(client, "/scoped", token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(client, "/scoped", Issuer.Token().Scope("read:other").Build())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new System.Uri("/scoped", System.UriKind.Relative))).StatusCode);
        Counted(app, shortcuts: 0, fallbacks: 4);
        Assert.Equal(3, resolutions.Value - before);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_application_policy_evaluator_is_kept(bool registeredBefore)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        if (registeredBefore)
        {
            services.AddSingleton<IPolicyEvaluator, AllowAllEvaluator>();
        }

        services.AddAuth0Api(o => { o.Domain = "tenant.example.com"; o.Audience = "https://api.example.com"; });
        if (!registeredBefore)
        {
            services.AddSingleton<IPolicyEvaluator, AllowAllEvaluator>();
        }

        await using var provider = services.BuildServiceProvider();
        Assert.IsType<AllowAllEvaluator>(provider.GetRequiredService<IPolicyEvaluator>());
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
        Evaluations.Listen(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/scoped", () => "ok").RequireScopes("read:messages");
        app.MapGet("/admin", () => "ok").RequireAuthorization("admins");
        app.MapGet("/mixed", () => "ok").RequireScopes("read:messages").RequireAuthorization("admins");
        app.MapGet("/slow-check", () => "ok").RequireClaimCheck(
            async (token, _) =>
            {
                await Task.Yield(); // completes asynchronously: the shortcut awaits it
                return token.HasScope("read:messages");
            },
            "Slow check failed");

        // What the authorization middleware stored as the request's authentication result: the ticket's scheme.
        static string? TicketScheme(HttpContext c) => c.Features.Get<Microsoft.AspNetCore.Authentication.IAuthenticateResultFeature>()?.AuthenticateResult?.Ticket?.AuthenticationScheme;
        app.MapGet("/authenticated", TicketScheme).RequireAuthorization();
        app.MapGet("/authenticated-scheme", [Authorize(AuthenticationSchemes = Auth0ApiDefaults.AuthenticationScheme)] (HttpContext c) => TicketScheme(c));
        await app.StartAsync();
        return app;
    }

    /// <summary>How many requests the app's shortcut answered and how many used the stock evaluation so far (its metric).</summary>
    private static void Counted(WebApplication app, long shortcuts, long fallbacks)
    {
        var counted = Evaluations.Of(app);
        Assert.Equal((shortcuts, fallbacks), (counted.Shortcuts, counted.Stock));
    }

    /// <summary>The app's <c>auth0.authorization.evaluations</c> measurements, by path, read with a <see cref="System.Diagnostics.Metrics.MeterListener"/>.</summary>
    private sealed class Evaluations
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<WebApplication, Evaluations> Apps = new();
        private long _shortcuts;
        private long _stock;

        public long Shortcuts => Interlocked.Read(ref _shortcuts);

        public long Stock => Interlocked.Read(ref _stock);

        public static Evaluations Of(WebApplication app) => Apps.TryGetValue(app, out var evaluations) ? evaluations : throw new InvalidOperationException("Not listened to.");

        /// <summary>Listens to this app's meter only (other tests' apps run in parallel with their own), until the app stops.</summary>
        public static void Listen(WebApplication app)
        {
            var factory = app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
            var evaluations = new Evaluations();
            var listener = new System.Diagnostics.Metrics.MeterListener
            {
                InstrumentPublished = (instrument, l) =>
                {
                    if (instrument.Name == "auth0.authorization.evaluations" && ReferenceEquals(instrument.Meter.Scope, factory))
                    {
                        l.EnableMeasurementEvents(instrument);
                    }
                },
            };
            listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "auth0.authorization.path")
                    {
                        Interlocked.Add(ref (Equals(tag.Value, "shortcut") ? ref evaluations._shortcuts : ref evaluations._stock), value);
                    }
                }
            });
            listener.Start();
            app.Lifetime.ApplicationStopped.Register(listener.Dispose);
            Apps.Add(app, evaluations);
        }
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }

    private sealed class ResolutionCount
    {
        private int _value;

        public int Value => Volatile.Read(ref _value);

        public void Add() => Interlocked.Increment(ref _value);
    }

    /// <summary>ASP.NET Core's authorization service, counting how often a request resolves it.</summary>
    private sealed class CountedAuthorizationService : DefaultAuthorizationService
    {
        public CountedAuthorizationService(
            ResolutionCount resolutions,
            IAuthorizationPolicyProvider policyProvider,
            IAuthorizationHandlerProvider handlers,
            ILogger<DefaultAuthorizationService> logger,
            IAuthorizationHandlerContextFactory contextFactory,
            IAuthorizationEvaluator evaluator,
            Microsoft.Extensions.Options.IOptions<AuthorizationOptions> options)
            : base(policyProvider, handlers, logger, contextFactory, evaluator, options)
            => resolutions.Add();
    }

    /// <summary>An application's own handler that decides nothing: the answers stay ours, the evaluation is the stock one.</summary>
    private sealed class NeutralHandler : IAuthorizationHandler
    {
        public Task HandleAsync(AuthorizationHandlerContext context) => Task.CompletedTask;
    }

    /// <summary>An application's own handler that fails every policy (as a "business hours only" rule would at night).</summary>
    private sealed class BusinessHoursHandler : IAuthorizationHandler
    {
        public Task HandleAsync(AuthorizationHandlerContext context)
        {
            context.Fail();
            return Task.CompletedTask;
        }
    }

    /// <summary>An application's own policy evaluator.</summary>
    private sealed class AllowAllEvaluator : IPolicyEvaluator
    {
        public Task<Microsoft.AspNetCore.Authentication.AuthenticateResult> AuthenticateAsync(AuthorizationPolicy policy, HttpContext context)
            => Task.FromResult(Microsoft.AspNetCore.Authentication.AuthenticateResult.NoResult());

        public Task<PolicyAuthorizationResult> AuthorizeAsync(AuthorizationPolicy policy, Microsoft.AspNetCore.Authentication.AuthenticateResult authenticationResult, HttpContext context, object? resource)
            => Task.FromResult(PolicyAuthorizationResult.Success());
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
