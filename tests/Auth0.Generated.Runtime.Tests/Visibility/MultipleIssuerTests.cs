using Auth0.Generated.Configuration;

namespace Auth0.Generated.Runtime.Tests.Visibility;

/// <summary>
/// Several issuers (<c>Auth0:Domains</c>): two local https issuers with different keys, each with its own discovery and
/// JWKS; the token's <c>iss</c> picks the key set before any key is used.
/// </summary>
public sealed class MultipleIssuerTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new();
    private TestIssuer _tenant = null!;
    private TestIssuer _custom = null!;
    private TestIssuer _stranger = null!;
    private TestApiHost _api = null!;

    public async Task InitializeAsync()
    {
        _tenant = await TestIssuer.StartAsync();
        _custom = await TestIssuer.StartAsync();
        _stranger = await TestIssuer.StartAsync();
        _api = await TestApiHost.StartAsync(
            _tenant,
            TestRoutes.Map,
            options => (options.TimeProvider, options.FetchKeysAtStartup) = (_time, false),
            configuration: new Dictionary<string, string?> { ["Auth0:Domains"] = _custom.Domain },
            services: services => services.AddHttpClient(Auth0ApiDefaults.BackchannelHttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => Trusting(_tenant, _custom, _stranger)));
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _stranger.DisposeAsync();
        await _custom.DisposeAsync();
        await _tenant.DisposeAsync();
    }

    private Task<HttpResponseMessage> Call(TestToken token) => _api.Client.GetAsync("/private", token.Build());

    [Fact]
    public async Task Each_issuer_validates_its_own_tokens_with_its_own_keys()
    {
        await ResponseAssert.Ok(await Call(_tenant.Token()));
        await ResponseAssert.Ok(await Call(_custom.Token()));
        Assert.Equal((1, 1), (_tenant.DiscoveryRequests, _tenant.JwksRequests));
        Assert.Equal((1, 1), (_custom.DiscoveryRequests, _custom.JwksRequests));
    }

    [Fact]
    public async Task Crossed_tokens_are_refused_keys_of_one_issuer_never_verify_the_other()
    {
        // Both key sets are loaded: the custom domain's key is in memory, yet never tried for the tenant's tokens.
        await ResponseAssert.Ok(await Call(_tenant.Token()));
        await ResponseAssert.Ok(await Call(_custom.Token()));
        await ResponseAssert.InvalidToken(await Call(_tenant.Token().SignedWith(_custom.SigningKey)), "signature verification failed");
        await ResponseAssert.InvalidToken(await Call(_custom.Token().SignedWith(_tenant.SigningKey)), "signature verification failed");

        // Without a kid, every key of the selected issuer is tried, and still only that issuer's.
        await ResponseAssert.InvalidToken(await Call(_tenant.Token().SignedWith(_custom.SigningKey).Header("kid", null)), "signature verification failed");
    }

    [Fact]
    public async Task A_token_of_an_unconfigured_issuer_is_refused_without_any_fetch()
    {
        await ResponseAssert.InvalidToken(await Call(_stranger.Token()), "unexpected \"iss\" claim value");
        await ResponseAssert.InvalidToken(await Call(_tenant.Token().With("iss", "https://evil.example/")), "unexpected \"iss\" claim value");
        await ResponseAssert.InvalidToken(await Call(_tenant.Token().Without("iss")), "unexpected \"iss\" claim value");
        Assert.Equal(0, _stranger.DiscoveryRequests + _stranger.JwksRequests);
        Assert.Equal(0, _tenant.DiscoveryRequests + _tenant.JwksRequests);
        Assert.Equal(0, _custom.DiscoveryRequests + _custom.JwksRequests);
    }

    [Fact]
    public async Task Rotation_at_one_issuer_refetches_that_issuer_only()
    {
        await ResponseAssert.Ok(await Call(_tenant.Token()));
        await ResponseAssert.Ok(await Call(_custom.Token()));
        var oldKey = _tenant.SigningKey;
        _tenant.PublishKeys(TestSigningKey.Create(), oldKey);
        _time.Advance(TimeSpan.FromSeconds(31));

        await ResponseAssert.Ok(await Call(_tenant.Token()));
        await ResponseAssert.Ok(await Call(_custom.Token()));
        Assert.Equal(2, _tenant.JwksRequests);
        Assert.Equal(1, _custom.JwksRequests);

        // Each issuer keeps its own cooldown: unknown kids at the custom domain now cause its own single refetch.
        using var unknown = TestSigningKey.Create();
        await ResponseAssert.InvalidToken(await Call(_custom.Token().SignedWith(unknown)));
        Assert.Equal((2, 2), (_tenant.JwksRequests, _custom.JwksRequests));
    }

    [Fact]
    public async Task An_unavailable_issuer_does_not_affect_the_other()
    {
        _custom.Behavior = IssuerBehavior.Unavailable;
        await ResponseAssert.InvalidToken(await Call(_custom.Token()), "Unable to fetch the signing keys of the issuer");
        await ResponseAssert.Ok(await Call(_tenant.Token()));
    }

    [Fact]
    public void Configuration_lists_every_issuer_and_refuses_what_cannot_work()
    {
        var options = new Auth0ApiOptions { Domain = "tenant.eu.auth0.com", Audience = "https://api" };
        options.Domains.Add("login.example.com");
        options.Domains.Add("https://tenant.eu.auth0.com/");
        Assert.Equal(["https://tenant.eu.auth0.com/", "https://login.example.com/"], Keys.IssuerRegistry.ConfiguredIssuers(options));
        Assert.Empty(Auth0ApiOptionsValidator.Validate(options, isDevelopment: false));

        options.Domains.Add("http://login.example.org");
        options.JwksUri = "https://tenant.eu.auth0.com/.well-known/jwks.json";
        var errors = Auth0ApiOptionsValidator.Validate(options, isDevelopment: false);
        Assert.Contains(errors, e => e.Contains("'http://login.example.org' is an http issuer", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Auth0:JwksUri is set with more than one domain", StringComparison.Ordinal));

        // Domains alone (no Domain) configure the issuers, and the development issuer stays off.
        var domainsOnly = new Auth0ApiOptions { Audience = "https://api" };
        domainsOnly.Domains.Add("login.example.com");
        Assert.Empty(Auth0ApiOptionsValidator.Validate(domainsOnly, isDevelopment: true));
        Assert.False(Auth0ApiOptionsValidator.UsesDevelopmentIssuer(domainsOnly, isDevelopment: true));
    }

    private static SocketsHttpHandler Trusting(params TestIssuer[] issuers) => new()
    {
        SslOptions =
        {
            RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == System.Net.Security.SslPolicyErrors.None
                || (certificate is not null && issuers.Any(i => i.Certificate!.GetCertHashString() == certificate.GetCertHashString())),
        },
    };
}
