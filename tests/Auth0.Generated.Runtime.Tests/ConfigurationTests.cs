using Auth0.Generated.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Auth0.Generated.Runtime.Tests;

/// <summary>Binding from configuration and environment keys, and startup validation messages.</summary>
public sealed class ConfigurationTests
{
    private static Auth0ApiOptions Bind(Dictionary<string, string?> values)
    {
        var options = new Auth0ApiOptions();
        Auth0ApiOptionsBinder.Bind(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), options);
        return options;
    }

    private static async Task<string> StartupError(Dictionary<string, string?> configuration, string environment = "Production", Action<Auth0ApiOptions>? configure = null)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            () => TestApiHost.StartAsync(null, TestRoutes.Map, configure, configuration, environment));
        return error.Message;
    }

    [Fact]
    public void Binds_the_section_and_the_seed_environment_keys_which_win()
    {
        var options = Bind(new()
        {
            ["Auth0:Domain"] = "section.example.com",
            ["Auth0:Audience"] = "https://section",
            ["Auth0:Audiences:0"] = "https://second",
            ["Auth0:Algorithms"] = "RS256,ES256",
            ["Auth0:ClockTolerance"] = "00:00:10",
            ["Auth0:JwksRefreshCooldown"] = "12.5",
            ["Auth0:Strict"] = "true",
            ["Auth0:MaxTokenAge"] = "3600",
            ["Auth0:AllowQueryToken"] = "true",
            ["Auth0:CookieName"] = "app.at",
            ["Auth0:RolesClaim"] = "https://example.com/roles",
            ["Auth0:PermissionsAsScopes"] = "true",
            ["AUTH0_DOMAIN"] = "env.example.com",
        });
        Assert.Equal("env.example.com", options.Domain);
        Assert.Equal("https://section", options.Audience);
        Assert.Equal(["https://second"], options.Audiences);
        Assert.Equal(["RS256", "ES256"], options.Algorithms);
        Assert.Equal(TimeSpan.FromSeconds(10), options.ClockTolerance);
        Assert.Equal(TimeSpan.FromSeconds(12.5), options.JwksRefreshCooldown);
        Assert.True(options.Strict);
        Assert.Equal(TimeSpan.FromHours(1), options.MaxTokenAge);
        Assert.True(options.AllowQueryToken);
        Assert.Equal("app.at", options.CookieName);
        Assert.Equal("https://example.com/roles", options.RolesClaim);
        Assert.True(options.PermissionsAsScopes);
    }

    [Fact]
    public void Defaults_match_the_conformance_table()
    {
        var options = Bind([]);
        Assert.Equal(["RS256"], options.Algorithms);
        Assert.Equal(TimeSpan.FromSeconds(5), options.ClockTolerance);
        Assert.Equal(TimeSpan.FromMinutes(10), options.JwksCacheDuration);
        Assert.Equal(TimeSpan.FromSeconds(30), options.JwksRefreshCooldown);
        Assert.Equal(TimeSpan.FromSeconds(5), options.FetchTimeout);
        Assert.False(options.Strict);
        Assert.False(options.AllowQueryToken);
        Assert.Null(options.CookieName);
        Assert.Equal("roles", options.RolesClaim);
    }

    [Fact]
    public void An_unparsable_value_names_its_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Bind(new() { ["Auth0:ClockTolerance"] = "soon" }));
        Assert.Contains("Auth0:ClockTolerance", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("example.auth0.com", "https://example.auth0.com/")]
    [InlineData("example.auth0.com/", "https://example.auth0.com/")]
    [InlineData("127.0.0.1:8443", "https://127.0.0.1:8443/")]
    [InlineData("https://login.example.com:8443/", "https://login.example.com:8443/")]
    [InlineData("https://login.example.com", "https://login.example.com/")]
    public void Domains_become_exact_issuers(string domain, string issuer)
    {
        Assert.True(IssuerAddress.TryParse(domain, out var parsed, out _, out var error), error);
        Assert.Equal(issuer, parsed);
    }

    [Fact]
    public async Task No_audience_fails_at_startup_saying_what_to_set()
        => Assert.Contains("AUTH0_AUDIENCE", await StartupError(new() { ["AUTH0_DOMAIN"] = "example.auth0.com" }), StringComparison.Ordinal);

    [Fact]
    public async Task No_domain_outside_development_fails_at_startup()
        => Assert.Contains("AUTH0_DOMAIN", await StartupError(new() { ["AUTH0_AUDIENCE"] = "https://api" }), StringComparison.Ordinal);

    [Theory]
    [InlineData("example.auth0.com/tenant")]
    [InlineData("example.auth0.com?x=1")]
    [InlineData("https://example.auth0.com/path/")]
    public async Task A_domain_with_a_path_or_query_fails_at_startup(string domain)
        => Assert.Contains("path, query", await StartupError(new() { ["AUTH0_DOMAIN"] = domain, ["AUTH0_AUDIENCE"] = "https://api" }), StringComparison.Ordinal);

    [Fact]
    public async Task An_http_issuer_outside_development_fails_at_startup()
        => Assert.Contains("must be https", await StartupError(new() { ["AUTH0_DOMAIN"] = "http://example.com", ["AUTH0_AUDIENCE"] = "https://api" }), StringComparison.Ordinal);

    [Fact]
    public async Task An_empty_algorithm_list_fails_at_startup()
        => Assert.Contains("Algorithms is empty", await StartupError(new() { ["AUTH0_DOMAIN"] = "example.com", ["AUTH0_AUDIENCE"] = "https://api" }, configure: o => o.Algorithms.Clear()), StringComparison.Ordinal);

    [Fact]
    public async Task The_none_algorithm_fails_at_startup()
        => Assert.Contains("unsigned tokens are never accepted", await StartupError(new() { ["AUTH0_DOMAIN"] = "example.com", ["AUTH0_AUDIENCE"] = "https://api", ["Auth0:Algorithms:0"] = "none" }), StringComparison.Ordinal);

    [Fact]
    public async Task HS_algorithms_without_a_long_enough_secret_fail_at_startup()
    {
        Assert.Contains("SymmetricSecret", await StartupError(new() { ["AUTH0_DOMAIN"] = "example.com", ["AUTH0_AUDIENCE"] = "https://api", ["Auth0:Algorithms:0"] = "HS256" }), StringComparison.Ordinal);
        Assert.Contains("at least 32 bytes", await StartupError(new() { ["AUTH0_DOMAIN"] = "example.com", ["AUTH0_AUDIENCE"] = "https://api", ["Auth0:SymmetricSecret"] = "short" }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_development_issuer_cannot_be_enabled_outside_development()
    {
        foreach (var environment in new[] { "Production", "Staging" })
        {
            var message = await StartupError(new() { ["Auth0:DevelopmentIssuer"] = "true", ["AUTH0_AUDIENCE"] = "https://api" }, environment);
            Assert.Contains("only in Development", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Several_errors_are_reported_together()
    {
        var message = await StartupError(new() { ["AUTH0_DOMAIN"] = "http://example.com/x" }, configure: o => o.Algorithms.Clear());
        Assert.Contains("AUTH0_AUDIENCE", message, StringComparison.Ordinal);
        Assert.Contains("Algorithms is empty", message, StringComparison.Ordinal);
        Assert.Contains("path, query", message, StringComparison.Ordinal);
    }
}
