namespace Auth0.Generated.Runtime.Tests;

/// <summary>The built-in development issuer (no AUTH0_DOMAIN, Development environment).</summary>
public sealed class DevelopmentIssuerTests
{
    private static Task<TestApiHost> StartDevelopmentAsync(IDictionary<string, string?>? configuration = null)
        => TestApiHost.StartAsync(null, TestRoutes.Map, configuration: configuration, environment: "Development");

    [Fact]
    public async Task Dev_tokens_satisfy_the_requested_scopes_roles_and_claims()
    {
        await using var api = await StartDevelopmentAsync();
        var scoped = await api.Client.GetStringAsync("/dev/token?scope=read:messages");
        await ResponseAssert.Ok(await api.Client.GetAsync("/scoped", scoped));
        await ResponseAssert.Error(await api.Client.GetAsync("/all", scoped), System.Net.HttpStatusCode.Forbidden, "insufficient_scope", scope: "read:admin write:admin");
        await ResponseAssert.Ok(await api.Client.GetAsync("/all", await api.Client.GetStringAsync("/dev/token?scope=read:admin%20write:admin")));
        await ResponseAssert.Ok(await api.Client.GetAsync("/admin", await api.Client.GetStringAsync("/dev/token?isAdmin=true")));
        await ResponseAssert.Ok(await api.Client.GetAsync("/editor", await api.Client.GetStringAsync("/dev/token?roles=admin,editor")));
        await ResponseAssert.Ok(await api.Client.GetAsync("/teller", await api.Client.GetStringAsync("/dev/token?roles=teller")));
        await ResponseAssert.Ok(await api.Client.GetAsync("/check", await api.Client.GetStringAsync("/dev/token?tier=premium")));
        await ResponseAssert.BareChallenge(await api.Client.GetAsync("/private", token: null));
    }

    [Fact]
    public async Task Dev_issuer_serves_discovery_and_jwks_and_prints_a_curl_command_per_protected_route()
    {
        await using var api = await StartDevelopmentAsync();
        var discovery = await api.Client.GetStringAsync("/.well-known/openid-configuration");
        Assert.Contains("\"jwks_uri\":\"http://localhost/.well-known/jwks.json\"", discovery, System.StringComparison.Ordinal);
        Assert.Contains("\"kty\":\"RSA\"", await api.Client.GetStringAsync("/.well-known/jwks.json"), System.StringComparison.Ordinal);
        var printed = string.Join('\n', api.Logs.Where(l => l.Category == "Auth0.Generated.Development").Select(l => l.Message));
        Assert.Contains("curl -H \"Authorization: Bearer $(curl -s 'http://localhost/dev/token?scope=read%3Amessages')\" http://localhost/scoped", printed, System.StringComparison.Ordinal);
        Assert.Contains("dev/token?scope=read%3Aadmin%20write%3Aadmin')\" http://localhost/all", printed, System.StringComparison.Ordinal);
        Assert.Contains("dev/token?isAdmin=true')\" http://localhost/admin", printed, System.StringComparison.Ordinal);
        Assert.DoesNotContain("http://localhost/public", printed, System.StringComparison.Ordinal);
        Assert.DoesNotContain("http://localhost/group/open", printed, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_the_server_listens_the_issuer_takes_the_configured_urls_port()
    {
        // `dotnet run` sets ASPNETCORE_URLS from the launch profile; the keys are warmed up before the server binds, so the
        // issuer (discovery, the printed curl commands) must not fall back to port 80.
        await using var api = await StartDevelopmentAsync(new Dictionary<string, string?> { ["urls"] = "https://localhost:7123;http://localhost:5123" });
        var discovery = await api.Client.GetStringAsync("/.well-known/openid-configuration");
        Assert.Contains("\"jwks_uri\":\"http://localhost:5123/.well-known/jwks.json\"", discovery, System.StringComparison.Ordinal);
        var printed = string.Join('\n', api.Logs.Where(l => l.Category == "Auth0.Generated.Development").Select(l => l.Message));
        Assert.Contains("curl -H \"Authorization: Bearer $(curl -s 'http://localhost:5123/dev/token?scope=read%3Amessages')\" http://localhost:5123/scoped", printed, System.StringComparison.Ordinal);
        await ResponseAssert.Ok(await api.Client.GetAsync("/scoped", await api.Client.GetStringAsync("/dev/token?scope=read:messages")));
    }

    [Fact]
    public async Task Tokens_of_another_dev_issuer_instance_are_refused()
    {
        await using var first = await StartDevelopmentAsync();
        await using var second = await StartDevelopmentAsync();
        var token = await first.Client.GetStringAsync("/dev/token");
        await ResponseAssert.Ok(await first.Client.GetAsync("/private", token));
        await ResponseAssert.InvalidToken(await second.Client.GetAsync("/private", token));
    }

    [Fact]
    public async Task With_a_domain_the_dev_endpoints_do_not_exist_even_in_development()
    {
        await using var issuer = await TestIssuer.StartAsync();
        await using var api = await TestApiHost.StartAsync(issuer, TestRoutes.Map, environment: "Development");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await api.Client.GetAsync("/dev/token")).StatusCode);
        await ResponseAssert.Ok(await api.Client.GetAsync("/private", issuer.Token().Build()));
    }
}
