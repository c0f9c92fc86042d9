using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Auth0.Generated.Testing;
using Microsoft.Extensions.Logging;

namespace Auth0.Generated.Runtime.Tests;

/// <summary>JWKS caching, unknown-kid refetch with cooldown and a single fetch in flight, and an issuer that misbehaves.</summary>
public sealed class KeyRotationTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new();
    private TestIssuer _issuer = null!;
    private TestApiHost _api = null!;

    public async Task InitializeAsync()
    {
        _issuer = await TestIssuer.StartAsync();
        _api = await StartApiAsync();
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    // These tests drive the on-demand fetch (the issuer misbehaves from the first fetch on): no fetch at startup.
    private Task<TestApiHost> StartApiAsync(IDictionary<string, string?>? configuration = null)
        => TestRoutes.StartHostAsync(_issuer, o => (o.TimeProvider, o.FetchKeysAtStartup) = (_time, false), configuration);

    private Task<HttpResponseMessage> Call(TestToken token) => _api.Client.GetAsync("/private", token.Build());

    private async Task<HttpResponseMessage[]> CallConcurrently(int count, Func<TestToken> token)
        => await Task.WhenAll(Enumerable.Range(0, count).Select(_ => Call(token())));

    [Fact]
    public async Task Keys_are_fetched_once_through_discovery_and_cached()
    {
        for (var i = 0; i < 5; i++)
        {
            await ResponseAssert.Ok(await Call(_issuer.Token()));
        }

        Assert.Equal(1, _issuer.DiscoveryRequests);
        Assert.Equal(1, _issuer.JwksRequests);
        _time.Advance(TimeSpan.FromMinutes(9));
        await ResponseAssert.Ok(await Call(_issuer.Token()));
        Assert.Equal(1, _issuer.JwksRequests);
        _time.Advance(TimeSpan.FromMinutes(2));
        await ResponseAssert.Ok(await Call(_issuer.Token()));
        Assert.Equal(2, _issuer.JwksRequests);
    }

    [Fact]
    public async Task A_rotated_kid_is_accepted_after_the_cooldown_with_one_fetch_for_many_concurrent_requests()
    {
        var oldKey = _issuer.SigningKey;
        await ResponseAssert.Ok(await Call(_issuer.Token()));
        var newKey = TestSigningKey.Create();
        _issuer.PublishKeys(newKey, oldKey);

        // Within the cooldown of the first fetch: no refetch, the new kid is unknown.
        _time.Advance(TimeSpan.FromSeconds(10));
        await ResponseAssert.InvalidToken(await Call(_issuer.Token()), "signature verification failed");
        Assert.Equal(1, _issuer.JwksRequests);

        // After the cooldown: the first requests with the new kid share one fetch and all succeed.
        _time.Advance(TimeSpan.FromSeconds(21));
        foreach (var response in await CallConcurrently(50, () => _issuer.Token()))
        {
            await ResponseAssert.Ok(response);
        }

        Assert.Equal(2, _issuer.JwksRequests);
        await ResponseAssert.Ok(await Call(_issuer.Token().SignedWith(oldKey)));
    }

    [Fact]
    public async Task Unknown_kids_refetch_at_most_once_per_cooldown_however_many_requests_wait()
    {
        await ResponseAssert.Ok(await Call(_issuer.Token()));
        using var stranger = TestSigningKey.Create();
        _time.Advance(TimeSpan.FromSeconds(31));
        foreach (var response in await CallConcurrently(50, () => _issuer.Token().SignedWith(stranger)))
        {
            await ResponseAssert.InvalidToken(response);
        }

        Assert.Equal(2, _issuer.JwksRequests);
        foreach (var response in await CallConcurrently(50, () => _issuer.Token().Header("kid", "kid-" + Guid.NewGuid())))
        {
            await ResponseAssert.Ok(response); // unknown kid, but signed by a published key: tried against all keys
        }

        Assert.Equal(2, _issuer.JwksRequests);
        _time.Advance(TimeSpan.FromSeconds(31));
        await ResponseAssert.InvalidToken(await Call(_issuer.Token().SignedWith(stranger)));
        Assert.Equal(3, _issuer.JwksRequests);
    }

    [Fact]
    public async Task A_key_removed_from_the_jwks_stops_validating_at_the_next_refresh()
    {
        var oldKey = _issuer.SigningKey;
        await ResponseAssert.Ok(await Call(_issuer.Token()));
        var newKey = TestSigningKey.Create();
        _issuer.PublishKeys(newKey);
        _time.Advance(TimeSpan.FromMinutes(11));
        await ResponseAssert.InvalidToken(await Call(_issuer.Token().SignedWith(oldKey)));
        await ResponseAssert.Ok(await Call(_issuer.Token()));
        Assert.Equal(2, _issuer.JwksRequests);
        oldKey.Dispose();
    }

    [Theory]
    [InlineData(IssuerBehavior.Unavailable)]
    [InlineData(IssuerBehavior.Garbage)]
    [InlineData(IssuerBehavior.Huge)]
    [InlineData(IssuerBehavior.ManyKeys)]
    public async Task An_issuer_that_fails_gives_401_is_retried_after_the_interval_and_recovers(IssuerBehavior behavior)
    {
        _issuer.Behavior = behavior;
        await ResponseAssert.InvalidToken(await Call(_issuer.Token()), "Unable to fetch the signing keys of the issuer");
        var attempts = _issuer.DiscoveryRequests + _issuer.JwksRequests;
        await ResponseAssert.InvalidToken(await Call(_issuer.Token()));
        Assert.Equal(attempts, _issuer.DiscoveryRequests + _issuer.JwksRequests); // not hammered within the retry interval

        _issuer.Behavior = IssuerBehavior.Normal;
        _time.Advance(TimeSpan.FromSeconds(2));
        await ResponseAssert.Ok(await Call(_issuer.Token()));
        Assert.DoesNotContain(_api.Logs, l => l.Level >= LogLevel.Error);
        Assert.Contains(_api.Logs, l => l.Level == LogLevel.Warning && l.Category == "Auth0.Generated.Keys");
    }

    [Fact]
    public async Task A_slow_issuer_times_out_and_recovers()
    {
        await using var api = await StartApiAsync(new Dictionary<string, string?> { ["Auth0:FetchTimeout"] = "0.5" });
        _issuer.Behavior = IssuerBehavior.Slow;
        var started = DateTime.UtcNow;
        await ResponseAssert.InvalidToken(await api.Client.GetAsync("/private", _issuer.Token().Build()));
        Assert.True(DateTime.UtcNow - started < _issuer.SlowDelay, "the fetch should have been abandoned at the timeout");

        _issuer.Behavior = IssuerBehavior.Normal;
        _time.Advance(TimeSpan.FromSeconds(2));
        await ResponseAssert.Ok(await api.Client.GetAsync("/private", _issuer.Token().Build()));
    }

    [Fact]
    public async Task Fetched_keys_keep_validating_while_the_issuer_is_down()
    {
        await ResponseAssert.Ok(await Call(_issuer.Token()));
        _issuer.Behavior = IssuerBehavior.Unavailable;
        _time.Advance(TimeSpan.FromMinutes(11));
        await ResponseAssert.Ok(await Call(_issuer.Token()));
        Assert.Equal(2, _issuer.DiscoveryRequests);
    }

    [Fact]
    public async Task A_discovery_document_naming_another_issuer_is_refused()
    {
        _issuer.DiscoveryIssuerOverride = "https://evil.example/";
        await ResponseAssert.InvalidToken(await Call(_issuer.Token()), "Unable to fetch the signing keys of the issuer");
        Assert.Equal(0, _issuer.JwksRequests);
    }

    [Fact]
    public async Task An_issuer_nobody_listens_on_gives_401()
    {
        await using var api = await TestApiHost.StartAsync(
            issuer: null,
            TestRoutes.Map,
            configuration: new Dictionary<string, string?> { ["AUTH0_DOMAIN"] = "127.0.0.1:1", ["AUTH0_AUDIENCE"] = TestIssuer.DefaultAudience });
        var response = await api.Client.GetAsync("/private", _issuer.Token().With("iss", "https://127.0.0.1:1/").Build());
        await ResponseAssert.InvalidToken(response, "Unable to fetch the signing keys of the issuer");
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
    }
}
