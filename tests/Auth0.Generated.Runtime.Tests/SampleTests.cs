using Auth0.Generated.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace Auth0.Generated.Runtime.Tests;

/// <summary>The quickstart sample in-process (WebApplicationFactory), pointed at a test issuer.</summary>
public sealed class SampleFixture : IAsyncLifetime
{
    public TestIssuer Issuer { get; private set; } = null!;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Issuer = await TestIssuer.StartAsync();
        Factory = CreateFactory(Issuer, "Production");
    }

    /// <summary>The sample in <paramref name="environment"/>, on <paramref name="issuer"/> (its backchannel trusting it).</summary>
    public static WebApplicationFactory<Program> CreateFactory(TestIssuer issuer, string environment)
        => new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseEnvironment(environment)
            .ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AUTH0_DOMAIN"] = issuer.Domain,
                ["AUTH0_AUDIENCE"] = TestIssuer.DefaultAudience,
            }))
            .ConfigureServices(services => services
                .AddInMemoryDataProtection()
                .AddHttpClient(Auth0ApiDefaults.BackchannelHttpClientName)
                .ConfigurePrimaryHttpMessageHandler(issuer.CreateBackchannelHandler)));

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}

public sealed class SampleTests : IClassFixture<SampleFixture>
{
    private readonly SampleFixture _fixture;

    public SampleTests(SampleFixture fixture) => _fixture = fixture;

    [Theory]
    [MemberData(nameof(SampleCases.Data), MemberType = typeof(SampleCases))]
    public async Task Route_answers_as_specified(SampleCase item)
        => await SampleCases.RunAsync(_fixture.Factory.CreateClient(), _fixture.Issuer, item);

    [Fact]
    public async Task Dpop_route_takes_a_bound_token_with_its_proof_only()
        => await SampleDPoPCases.RunAsync(_fixture.Factory.CreateClient(), _fixture.Issuer);

    [Fact]
    public async Task Cors_allows_the_seed_origin_with_authorization_and_exposes_the_challenge()
    {
        var client = _fixture.Factory.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/private");
        preflight.Headers.Add("Origin", "http://localhost:3000");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization");
        using var allowed = await client.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal("http://localhost:3000", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("authorization", allowed.Headers.GetValues("Access-Control-Allow-Headers").Single(), System.StringComparison.OrdinalIgnoreCase);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/private");
        request.Headers.Add("Origin", "http://localhost:3000");
        using var challenged = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, challenged.StatusCode);
        Assert.Contains("WWW-Authenticate", challenged.Headers.GetValues("Access-Control-Expose-Headers").Single(), System.StringComparison.OrdinalIgnoreCase);

        using var foreign = new HttpRequestMessage(HttpMethod.Get, "/api/public");
        foreign.Headers.Add("Origin", "https://evil.example");
        using var refused = await client.SendAsync(foreign);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }
}

/// <summary>The sample runs through generated code: its checks are the generator's and its token is the generated type.</summary>
public sealed class SampleGeneratedCodeTests : IClassFixture<SampleFixture>
{
    private readonly SampleFixture _fixture;

    public SampleGeneratedCodeTests(SampleFixture fixture) => _fixture = fixture;

    [Fact]
    public void Every_requirement_of_every_sample_endpoint_is_a_generated_check()
    {
        // Start the host, then read the requirements the endpoints of the running app carry, as authorization does.
        _ = _fixture.Factory.Server;
        var endpoints = _fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var requirements = endpoints.ToDictionary(
            e => string.Join(',', e.Metadata.GetOrderedMetadata<HttpMethodMetadata>().SelectMany(m => m.HttpMethods)) + " " + e.RoutePattern.RawText,
            e => e.Metadata.GetOrderedMetadata<IAuthorizationRequirementData>().SelectMany(d => d.GetRequirements()).ToList());

        // The declarations each endpoint carries (attribute types; the group's RequireRoles convention comes first).
        var described = requirements.ToDictionary(
            r => r.Key,
            r => string.Join(" & ", r.Value.Select(q => Assert.IsType<Auth0Requirement>(q).Declaration.GetType().Name)));
        Assert.Equal(
            new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["GET /api/public"] = string.Empty,
                ["GET /api/private"] = string.Empty,
                ["GET /api/private-scoped"] = nameof(RequireScopesAttribute),
                ["GET /api/messages"] = nameof(RequireScopesAttribute),
                ["GET /api/feed"] = nameof(RequireAnyScopeAttribute),
                ["GET /api/admin/edit"] = nameof(RequireScopesAttribute),
                ["GET /api/admin"] = nameof(ClaimEqualsAttribute),
                ["GET /api/editor"] = nameof(ClaimIncludesAttribute),
                ["GET /api/premium"] = nameof(ClaimCheckAttribute),
                ["GET /api/dpop"] = nameof(RequireDPoPAttribute),
                ["POST /panic"] = nameof(RequireRolesAttribute) + " & " + nameof(RequireRolesAttribute),
                ["GET /make-change"] = nameof(RequireRolesAttribute),
                ["GET /api/connections/{connection}"] = string.Empty,
                ["GET /api/downstream"] = string.Empty,
            },
            new SortedDictionary<string, string>(described, StringComparer.Ordinal));
        Assert.All(requirements.Values.SelectMany(r => r), r => Assert.True(((Auth0Requirement)r).IsGenerated, r.ToString()));
    }

    [Fact]
    public async Task The_request_token_is_the_generated_Token_type()
    {
        Type? seen = null;
        using var factory = _fixture.Factory.WithWebHostBuilder(web => web.ConfigureServices(services =>
            services.AddSingleton<IStartupFilter>(new CaptureTokenType(type => seen = type))));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/private");
        request.Headers.Add("Authorization", "Bearer " + _fixture.Issuer.Token().Build());
        using var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(typeof(Quickstart.Api.Token), seen);
        Assert.True(typeof(IAccessTokenFactory<Quickstart.Api.Token>).IsAssignableFrom(typeof(Quickstart.Api.Token)));
    }

    /// <summary>Records the type of <c>HttpContext.GetAccessToken()</c> once the sample's pipeline has run.</summary>
    private sealed class CaptureTokenType(Action<Type?> record) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, inner) =>
            {
                await inner(context);
                record(context.GetAccessToken()?.GetType());
            });
            next(app);
        };
    }
}
