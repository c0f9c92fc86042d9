using Microsoft.Extensions.Options;

namespace Auth0.Generated.Runtime.Tests;

/// <summary>docs/behaviour.md, "Cookie tokens from other origins".</summary>
public sealed class CrossOriginTests(IssuerFixture fixture) : SharedIssuerTests(fixture)
{
    private int _reached;

    private Task<TestApiHost> StartAsync(params string[] trustedOrigins)
        => TestApiHost.StartAsync(
            Issuer,
            app =>
            {
                app.MapMethods("/transfer", ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"], (HttpContext c) =>
                {
                    Interlocked.Increment(ref _reached);
                    return c.GetAccessToken()!.Sub;
                }).RequireAuthorization();
            },
            options =>
            {
                options.CookieName = "app.at";
                foreach (var origin in trustedOrigins)
                {
                    options.TrustedOrigins.Add(origin);
                }
            });

    private async Task<HttpResponseMessage> SendAsync(TestApiHost api, string method, string? origin, string? site, bool cookie = true)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/transfer");
        var token = Issuer.Token().Build();
        request.Headers.TryAddWithoutValidation(cookie ? "Cookie" : "Authorization", cookie ? "app.at=" + token : "Bearer " + token);
        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", origin);
        }

        if (site is not null)
        {
            request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", site);
        }

        return await api.Client.SendAsync(request);
    }

    [Theory]
    [InlineData("POST", "https://evil.example", "cross-site")]
    [InlineData("PUT", null, "cross-site")]
    [InlineData("PATCH", null, "same-site")]
    [InlineData("DELETE", "http://localhost", "cross-site")] // Sec-Fetch-Site decides when present
    [InlineData("POST", "https://evil.example", null)]        // an older browser: Origin decides
    [InlineData("POST", "null", null)]
    [InlineData("POST", "https://localhost", "same-site")]
    public async Task Cross_origin_unsafe_requests_with_a_cookie_token_are_403_before_the_handler(string method, string? origin, string? site)
    {
        await using var api = await StartAsync();
        await ResponseAssert.CrossOrigin(await SendAsync(api, method, origin, site));
        Assert.Equal(0, _reached);
    }

    [Theory]
    [InlineData("POST", null, "same-origin")]
    [InlineData("POST", "https://evil.example", "none")]   // typed in the address bar or a bookmark: no other site involved
    [InlineData("POST", "http://localhost", null)]          // an older browser on the API's own origin
    [InlineData("POST", null, null)]                        // not a browser (curl with a cookie)
    [InlineData("GET", "https://evil.example", "cross-site")]
    [InlineData("HEAD", "https://evil.example", "cross-site")]
    [InlineData("OPTIONS", "https://evil.example", "cross-site")]
    public async Task Same_origin_non_browser_and_safe_requests_pass(string method, string? origin, string? site)
    {
        await using var api = await StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(api, method, origin, site)).StatusCode);
        Assert.Equal(1, _reached);
    }

    [Fact]
    public async Task A_trusted_origin_passes_and_only_it()
    {
        await using var api = await StartAsync("https://app.example.com");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(api, "POST", "https://app.example.com", "cross-site")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(api, "POST", "https://APP.example.com", null)).StatusCode);
        await ResponseAssert.CrossOrigin(await SendAsync(api, "POST", "https://app.example.com.evil.example", "cross-site"));
        await ResponseAssert.CrossOrigin(await SendAsync(api, "POST", "http://app.example.com", "cross-site"));
        await ResponseAssert.CrossOrigin(await SendAsync(api, "POST", null, "cross-site"));
        Assert.Equal(2, _reached);
    }

    [Theory]
    [InlineData("https://evil.example", "cross-site")]
    [InlineData("null", null)]
    public async Task Header_tokens_are_not_affected(string origin, string? site)
    {
        await using var api = await StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(api, "POST", origin, site, cookie: false)).StatusCode);
        Assert.Equal(1, _reached);
    }

    [Theory]
    [InlineData("https://app.example.com/")]
    [InlineData("https://app.example.com/path")]
    [InlineData("app.example.com")]
    [InlineData("ftp://app.example.com")]
    [InlineData("null")]
    public async Task Trusted_origins_must_be_origins(string origin)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApiHost.StartAsync(
            Issuer, TestRoutes.Map, configuration: new Dictionary<string, string?> { ["Auth0:TrustedOrigins:0"] = origin }));
        Assert.Contains("Auth0:TrustedOrigins", error.Message, StringComparison.Ordinal);
    }
}
