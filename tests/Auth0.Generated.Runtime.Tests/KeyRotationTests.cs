using Microsoft.Extensions.Logging;

namespace Auth0.Generated.Runtime.Tests;

/// <summary>JWKS caching, unknown-kid refetch with cooldown and a single fetch in flight, and an issuer that misbehaves.</summary>
public sealed class KeyRotationTests : IssuerTests
{
    private readonly ManualTimeProvider _time = new();
    private TestApiHost _api = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _api = await StartApiAsync();
    }

    public override async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await base.DisposeAsync();
    }

    // These tests drive the on-demand fetch (the issuer misbehaves from the first fetch on): no fetch at startup.
    private Task<TestApiHost> StartApiAsync(IDictionary<string, string?>? configuration = null)
        => TestRoutes.StartHostAsync(Issuer, o => (o.TimeProvider, o.FetchKeysAtStartup) = (_time, false), configuration);

    private Task<HttpResponseMessage> Call(TestToken token) => _api.Client.GetAsync("/private", token.Build());

    private async Task<HttpResponseMessage[]> CallConcurrently(int count, Func<TestToken> token)
        => await Task.WhenAll(Enumerable.Range(0, count).Select(_ => Call(token())));

    /// <summary>
    /// One request validated (the first fetch), then the issuer signs with a new key and publishes it, alone or beside the
    /// old one; returns the old key.
    /// </summary>
    private async Task<TestSigningKey> RotateAfterTheFirstFetch(bool keepTheOldKeyPublished)
    {
        var oldKey = Issuer.SigningKey;
        await ResponseAssert.Ok(await Call(Issuer.Token()));
        var newKey = TestSigningKey.Create();
        Issuer.PublishKeys(keepTheOldKeyPublished ? [newKey, oldKey] : [newKey]);
        return oldKey;
    }

    [Fact]
    public async Task Keys_are_fetched_once_through_discovery_and_cached()
    {
        for (var i = 0; i < 5; i++)
        {
            await ResponseAssert.Ok(await Call(Issuer.Token()));
        }

        Assert.Equal(1, Issuer.DiscoveryRequests);
        Assert.Equal(1, Issuer.JwksRequests);
        _time.Advance(TimeSpan.FromMinutes(9));
        await ResponseAssert.Ok(await Call(Issuer.Token()));
        Assert.Equal(1, Issuer.JwksRequests);
        _time.Advance(TimeSpan.FromMinutes(2));
        await ResponseAssert.Ok(await Call(Issuer.Token()));
        Assert.Equal(2, Issuer.JwksRequests);
    }

    [Fact]
    public async Task A_rotated_kid_is_accepted_after_the_cooldown_with_one_fetch_for_many_concurrent_requests()
    {
        var oldKey = await RotateAfterTheFirstFetch(keepTheOldKeyPublished: true);

        // Within the cooldown of the first fetch: no refetch, the new kid is unknown.
        _time.Advance(TimeSpan.FromSeconds(10));
        await ResponseAssert.InvalidToken(await Call(Issuer.Token()), "signature verification failed");
        Assert.Equal(1, Issuer.JwksRequests);

        // After the cooldown: the first requests with the new kid share one fetch and all succeed.
        _time.Advance(TimeSpan.FromSeconds(21));
        foreach (var response in await CallConcurrently(50, () => Issuer.Token()))
        {
            await ResponseAssert.Ok(response);
        }

        Assert.Equal(2, Issuer.JwksRequests);
        await ResponseAssert.Ok(await Call(Issuer.Token().SignedWith(oldKey)));
    }

    [Fact]
    public async Task Unknown_kids_refetch_at_most_once_per_cooldown_however_many_requests_wait()
    {
        await ResponseAssert.Ok(await Call(Issuer.Token()));
        using var stranger = TestSigningKey.Create();
        _time.Advance(TimeSpan.FromSeconds(31));
        foreach (var response in await CallConcurrently(50, () => Issuer.Token().SignedWith(stranger)))
        {
            await ResponseAssert.InvalidToken(response);
        }

        Assert.Equal(2, Issuer.JwksRequests);
        foreach (var response in await CallConcurrently(50, () => Issuer.Token().Header("kid", "kid-" + Guid.NewGuid())))
        {
            await ResponseAssert.Ok(response); // unknown kid, but signed by a published key: tried against all keys
        }

        Assert.Equal(2, Issuer.JwksRequests);
        _time.Advance(TimeSpan.FromSeconds(31));
        await ResponseAssert.InvalidToken(await Call(Issuer.Token().SignedWith(stranger)));
        Assert.Equal(3, Issuer.JwksRequests);
    }

    [Fact]
    public async Task A_key_removed_from_the_jwks_stops_validating_at_the_next_refresh()
    {
        var oldKey = await RotateAfterTheFirstFetch(keepTheOldKeyPublished: false);
        _time.Advance(TimeSpan.FromMinutes(11));
        await ResponseAssert.InvalidToken(await Call(Issuer.Token().SignedWith(oldKey)));
        await ResponseAssert.Ok(await Call(Issuer.Token()));
        Assert.Equal(2, Issuer.JwksRequests);
        oldKey.Dispose();
    }

    [Theory]
    [InlineData(IssuerBehavior.Unavailable)]
    [InlineData(IssuerBehavior.Garbage)]
    [InlineData(IssuerBehavior.Huge)]
    [InlineData(IssuerBehavior.ManyKeys)]
    public async Task AnIssuer_that_fails_gives_401_is_retried_after_the_interval_and_recovers(IssuerBehavior behavior)
    {
        Issuer.Behavior = behavior;
        await ResponseAssert.InvalidToken(await Call(Issuer.Token()), "Unable to fetch the signing keys of the issuer");
        var attempts = Issuer.DiscoveryRequests + Issuer.JwksRequests;
        await ResponseAssert.InvalidToken(await Call(Issuer.Token()));
        Assert.Equal(attempts, Issuer.DiscoveryRequests + Issuer.JwksRequests); // not hammered within the retry interval

        Issuer.Behavior = IssuerBehavior.Normal;
        _time.Advance(TimeSpan.FromSeconds(2));
        await ResponseAssert.Ok(await Call(Issuer.Token()));
        Assert.DoesNotContain(_api.Logs, l => l.Level >= LogLevel.Error);
        Assert.Contains(_api.Logs, l => l.Level == LogLevel.Warning && l.Category == "Auth0.Generated.Keys");
    }

    [Fact]
    public async Task A_slowIssuer_times_out_and_recovers()
    {
        await using var api = await StartApiAsync(new Dictionary<string, string?> { ["Auth0:FetchTimeout"] = "0.5" });
        Issuer.Behavior = IssuerBehavior.Slow;
        var started = DateTime.UtcNow;
        await ResponseAssert.InvalidToken(await api.Client.GetAsync("/private", Issuer.Token().Build()));
        Assert.True(DateTime.UtcNow - started < Issuer.SlowDelay, "the fetch should have been abandoned at the timeout");

        Issuer.Behavior = IssuerBehavior.Normal;
        _time.Advance(TimeSpan.FromSeconds(2));
        await ResponseAssert.Ok(await api.Client.GetAsync("/private", Issuer.Token().Build()));
    }

    [Fact]
    public async Task Fetched_keys_keep_validating_while_theIssuer_is_down()
    {
        await ResponseAssert.Ok(await Call(Issuer.Token()));
        Issuer.Behavior = IssuerBehavior.Unavailable;
        _time.Advance(TimeSpan.FromMinutes(11));
        await ResponseAssert.Ok(await Call(Issuer.Token()));
        Assert.Equal(2, Issuer.DiscoveryRequests);
    }

    [Fact]
    public async Task A_discovery_document_naming_anotherIssuer_is_refused()
    {
        Issuer.DiscoveryIssuerOverride = "https://evil.example/";
        await ResponseAssert.InvalidToken(await Call(Issuer.Token()), "Unable to fetch the signing keys of the issuer");
        Assert.Equal(0, Issuer.JwksRequests);
    }

    [Fact]
    public async Task AnIssuer_nobody_listens_on_gives_401()
    {
        await using var api = await TestApiHost.StartAsync(
            issuer: null,
            TestRoutes.Map,
            configuration: new Dictionary<string, string?> { ["AUTH0_DOMAIN"] = "127.0.0.1:1", ["AUTH0_AUDIENCE"] = TestIssuer.DefaultAudience });
        var response = await api.Client.GetAsync("/private", Issuer.Token().With("iss", "https://127.0.0.1:1/").Build());
        await ResponseAssert.InvalidToken(response, "Unable to fetch the signing keys of the issuer");
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
    }
}
