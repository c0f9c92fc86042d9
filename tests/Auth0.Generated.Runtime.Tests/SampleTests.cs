using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Auth0.Generated.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Auth0.Generated.Runtime.Tests;

/// <summary>The quickstart sample in-process (WebApplicationFactory), pointed at a test issuer.</summary>
public sealed class SampleFixture : IAsyncLifetime
{
    public TestIssuer Issuer { get; private set; } = null!;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Issuer = await TestIssuer.StartAsync();
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseEnvironment("Production")
            .ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AUTH0_DOMAIN"] = Issuer.Domain,
                ["AUTH0_AUDIENCE"] = TestIssuer.DefaultAudience,
            }))
            .ConfigureServices(services => services
                .AddInMemoryDataProtection()
                .AddHttpClient(Auth0ApiDefaults.BackchannelHttpClientName)
                .ConfigurePrimaryHttpMessageHandler(Issuer.CreateBackchannelHandler)));
    }

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
