using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Auth0.Generated.Authentication;
using Auth0.Generated.Keys;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Auth0.Generated.Runtime.Tests;

/// <summary>The cache of validated tokens: hits skip validation, and expiry, key removal and the bound still hold.</summary>
public sealed class TokenCacheTests : IssuerTests
{
    private readonly ManualTimeProvider _time = new();

    private Task<TestApiHost> StartAsync(Action<Auth0ApiOptions>? configure = null)
    {
        SyncClock();
        return TestApiHost.StartAsync(
            Issuer,
            app =>
            {
                TestRoutes.Map(app);

                // Adds a claim to the request's identity: if identities were shared across requests, the count would grow.
                app.MapGet("/mutate", (HttpContext c) =>
                {
                    var identity = (ClaimsIdentity)c.User.Identity!;
                    identity.AddClaim(new Claim("added", "1"));
                    return identity.FindAll("added").Count().ToString(System.Globalization.CultureInfo.InvariantCulture)
                        + "|" + c.GetAccessToken()!.Sub;
                });
            },
            configure);
    }

    /// <summary>
    /// Moves the manual clock to the real time: tokens carry the real time in <c>nbf</c>/<c>iat</c>, and on a loaded
    /// machine the class setup can take longer than the clock tolerance.
    /// </summary>
    private void SyncClock()
    {
        var behind = DateTimeOffset.UtcNow - _time.GetUtcNow();
        if (behind > TimeSpan.Zero)
        {
            _time.Advance(behind);
        }
    }

    private static Auth0TokenValidator Validator(TestApiHost api) => api.Services.GetRequiredService<Auth0ValidatorProvider>().Get();

    [Fact]
    public async Task A_token_seen_again_skips_full_validation_and_gets_its_own_identity()
    {
        await using var api = await StartAsync(o => o.TimeProvider = _time);
        var validator = Validator(api);
        Assert.Equal(Auth0ApiDefaults.DefaultTokenCacheSize, validator.Cache!.Capacity);
        var token = Issuer.Token().Scope("read:messages").With("sub", "user-1").Build();

        for (var i = 0; i < 3; i++)
        {
            var response = await api.Client.GetAsync("/mutate", token);
            await ResponseAssert.Ok(response);
            Assert.Equal("1|user-1", await response.Content.ReadAsStringAsync());
        }

        var user = await api.Client.GetAsync("/user", token);
        Assert.Equal("user-1|Auth0|read:messages", await user.Content.ReadAsStringAsync());
        await ResponseAssert.Ok(await api.Client.GetAsync("/scoped", token));

        Assert.Equal(1, validator.FullValidations);
        Assert.Equal(4, validator.Cache.Hits);
        Assert.Equal(1, validator.Cache.Count);
    }

    [Fact]
    public async Task Failed_tokens_are_never_cached()
    {
        await using var api = await StartAsync(o => o.TimeProvider = _time);
        var validator = Validator(api);
        using var stranger = TestSigningKey.Create();
        var forged = Issuer.Token().SignedWith(stranger).Build();
        await ResponseAssert.InvalidToken(await api.Client.GetAsync("/private", forged), "signature verification failed");
        await ResponseAssert.InvalidToken(await api.Client.GetAsync("/private", forged), "signature verification failed");
        Assert.Equal(2, validator.FullValidations);
        Assert.Equal(0, validator.Cache!.Count);
        Assert.Equal(0, validator.Cache.Hits);
    }

    [Fact]
    public async Task An_expired_token_is_refused_even_when_cached()
    {
        // Real clock: IdentityModel's lifetime check reads it too.
        await using var api = await StartAsync(o => o.ClockTolerance = TimeSpan.Zero);
        var validator = Validator(api);
        var expires = DateTimeOffset.UtcNow.AddSeconds(8);
        var token = Issuer.Token().With("exp", expires.ToUnixTimeSeconds()).Build();
        await ResponseAssert.Ok(await api.Client.GetAsync("/private", token));
        await ResponseAssert.Ok(await api.Client.GetAsync("/private", token));
        Assert.Equal(1, validator.Cache!.Hits);

        var wait = DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds()).AddMilliseconds(1100) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        await ResponseAssert.InvalidToken(await api.Client.GetAsync("/private", token), "\"exp\" claim timestamp check failed");
        Assert.Equal(1, validator.Cache.Hits);
        Assert.Equal(2, validator.FullValidations);
    }

    [Fact]
    public async Task A_key_removed_from_the_jwks_refuses_a_cached_token_after_the_refresh()
    {
        await using var api = await StartAsync(o => o.TimeProvider = _time);
        var validator = Validator(api);
        var oldKey = Issuer.SigningKey;
        var token = Issuer.Token().Build();
        await ResponseAssert.Ok(await api.Client.GetAsync("/private", token));
        await ResponseAssert.Ok(await api.Client.GetAsync("/private", token));
        Assert.Equal(1, validator.Cache!.Hits);

        // The same keys fetched again: the cached token is validated in full once against the new generation, then hits.
        _time.Advance(TimeSpan.FromMinutes(11));
        await ResponseAssert.Ok(await api.Client.GetAsync("/private", token));
        await ResponseAssert.Ok(await api.Client.GetAsync("/private", token));
        Assert.Equal(2, validator.FullValidations);
        Assert.Equal(2, validator.Cache.Hits);
        Assert.Equal(2, Issuer.JwksRequests);

        // The key leaves the JWKS: after the next refresh the cached token is refused.
        using var newKey = TestSigningKey.Create();
        Issuer.PublishKeys(newKey);
        _time.Advance(TimeSpan.FromMinutes(11));
        await ResponseAssert.InvalidToken(await api.Client.GetAsync("/private", token), "signature verification failed");
        await ResponseAssert.InvalidToken(await api.Client.GetAsync("/private", token), "signature verification failed");
        Assert.Equal(2, validator.Cache.Hits);
        await ResponseAssert.Ok(await api.Client.GetAsync("/private", Issuer.Token().Build()));
        Assert.Equal(3, Issuer.JwksRequests);
        oldKey.Dispose();
    }

    [Fact]
    public async Task The_bound_holds()
    {
        await using var api = await StartAsync(o => (o.TimeProvider, o.TokenCacheSize) = (_time, 3));
        var validator = Validator(api);
        var tokens = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            tokens.Add(Issuer.Token().With("sub", "user-" + i).Build());
            await ResponseAssert.Ok(await api.Client.GetAsync("/private", tokens[i]));
            Assert.True(validator.Cache!.Count <= 3);
        }

        Assert.Equal(3, validator.Cache!.Count);
        await ResponseAssert.Ok(await api.Client.GetAsync("/private", tokens[9]));  // recent: a hit
        await ResponseAssert.Ok(await api.Client.GetAsync("/private", tokens[0]));  // evicted: validated again
        Assert.Equal(1, validator.Cache.Hits);
        Assert.Equal(11, validator.FullValidations);
    }

    [Fact]
    public async Task Cache_off_validates_every_request()
    {
        await using var api = await StartAsync(o => (o.TimeProvider, o.TokenCacheSize) = (_time, 0));
        var validator = Validator(api);
        Assert.Null(validator.Cache);
        var token = Issuer.Token().Scope("read:messages").Build();
        await ResponseAssert.Ok(await api.Client.GetAsync("/private", token));
        await ResponseAssert.Ok(await api.Client.GetAsync("/scoped", token));
        await ResponseAssert.Ok(await api.Client.GetAsync("/private", token));
        Assert.Equal(3, validator.FullValidations);
    }

    [Fact]
    public async Task The_cache_size_is_read_from_configuration_and_validated()
    {
        await using (var api = await TestApiHost.StartAsync(Issuer, TestRoutes.Map, configuration: new Dictionary<string, string?> { ["Auth0:TokenCacheSize"] = "7" }))
        {
            Assert.Equal(7, Validator(api).Cache!.Capacity);
        }

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => TestApiHost.StartAsync(Issuer, TestRoutes.Map, configuration: new Dictionary<string, string?> { ["Auth0:TokenCacheSize"] = "-1" }));
        Assert.Contains("Auth0:TokenCacheSize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_are_found_only_by_their_exact_text_and_within_their_lifetime()
    {
        var cache = new ValidatedTokenCache(10);
        var keys = new SigningKeys([new SymmetricSecurityKey(new byte[32])], DateTimeOffset.UtcNow);
        var now = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var a = Entry(Issuer.Token().With("sub", "a").Build(), keys, now.AddMinutes(-1), now.AddMinutes(1));
        var b = Entry(Issuer.Token().With("sub", "b").Build(), keys, now.AddMinutes(1), now.AddMinutes(2));
        cache.Add(a);
        cache.Add(b);

        Assert.Same(a, cache.Find(a.EncodedToken, now));
        Assert.Same(a, cache.Find(a.EncodedToken.ToCharArray(), now)); // by content, not by reference
        Assert.Null(cache.Find(a.EncodedToken.AsSpan(0, a.EncodedToken.Length - 1), now));
        Assert.Null(cache.Find(a.EncodedToken[..^1] + (a.EncodedToken[^1] == 'A' ? 'B' : 'A'), now));
        var parts = a.EncodedToken.Split('.');
        Assert.Null(cache.Find(parts[0] + "." + b.EncodedToken.Split('.')[1] + "." + parts[2], now)); // a's signature on b's payload

        Assert.Same(b, cache.Find(b.EncodedToken, now.AddMinutes(1)));
        Assert.Null(cache.Find(b.EncodedToken, now)); // before nbf - tolerance: not used, removed
        Assert.Null(cache.Find(b.EncodedToken, now.AddMinutes(1)));
        Assert.Null(cache.Find(a.EncodedToken, now.AddMinutes(1).AddTicks(1))); // past exp + tolerance: removed
        Assert.Null(cache.Find(a.EncodedToken, now));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void The_bound_holds_and_a_used_entry_gets_a_second_chance()
    {
        var cache = new ValidatedTokenCache(2);
        var keys = new SigningKeys([new SymmetricSecurityKey(new byte[32])], DateTimeOffset.UtcNow);
        var now = DateTimeOffset.UtcNow;
        var entries = new List<ValidatedToken>();
        for (var i = 0; i < 3; i++)
        {
            entries.Add(Entry(Issuer.Token().With("sub", "user-" + i).Build(), keys, now.AddMinutes(-1), now.AddMinutes(1)));
        }

        cache.Add(entries[0]);
        cache.Add(entries[1]);
        cache.RecordHit(cache.Find(entries[0].EncodedToken, now)!);
        cache.Add(entries[2]);
        Assert.Equal(2, cache.Count);
        Assert.NotNull(cache.Find(entries[0].EncodedToken, now)); // used: kept
        Assert.Null(cache.Find(entries[1].EncodedToken, now));    // the least recently used: evicted
        Assert.NotNull(cache.Find(entries[2].EncodedToken, now));
        Assert.Equal(1, cache.Hits);
    }

    [Theory]
    [InlineData("", "", true)]
    [InlineData("abc", "abc", true)]
    [InlineData("abcdefghijklmnopq", "abcdefghijklmnopq", true)]
    [InlineData("abcdefghijklmnopq", "abcdefghijklmnopr", false)]
    [InlineData("xbcdefghijklmnopq", "abcdefghijklmnopq", false)]
    [InlineData("abc", "abcd", false)]
    public void Token_text_comparison(string left, string right, bool equal)
        => Assert.Equal(equal, TokenComparer.FixedTimeEquals(left, right));

    [Fact]
    public async Task A_hit_shares_the_token_object_and_gives_each_request_its_own_identity_with_every_claim()
    {
        SyncClock();
        await using var api = await TestApiHost.StartAsync(
            Issuer,
            app =>
            {
                app.MapGet("/token-object", (HttpContext c) => RuntimeHelpers.GetHashCode(c.GetAccessToken()!).ToString(CultureInfo.InvariantCulture)).RequireAuthorization();
                app.MapGet("/claims", (HttpContext c) =>
                {
                    // Every read loads the claims: the name, a role check, a clone; a copy made after a read has them all.
                    var identity = (ClaimsIdentity)c.User.Identity!;
                    var name = identity.Name;
                    var copy = new ClaimsIdentity(identity);
                    return string.Join(",", identity.Claims.Select(claim => claim.Type)) + "|" + copy.Claims.Count() + "|" + name
                        + "|" + c.User.IsInRole("admin") + "|" + identity.Clone().Claims.Count();
                }).RequireAuthorization();
            },
            o => o.TimeProvider = _time);
        var validator = Validator(api);
        var token = Issuer.Token().Roles("admin").With("sub", "user-1").Build();

        var first = await (await api.Client.GetAsync("/token-object", token)).Content.ReadAsStringAsync();
        var second = await (await api.Client.GetAsync("/token-object", token)).Content.ReadAsStringAsync();
        Assert.Equal(first, second);

        var claims = (await (await api.Client.GetAsync("/claims", token)).Content.ReadAsStringAsync()).Split('|');
        Assert.Equal("iss,aud,sub,iat,nbf,exp,roles", claims[0]);
        Assert.Equal(["7", "user-1", "True", "7"], claims[1..]);
        Assert.Equal(1, validator.FullValidations);
        Assert.Equal(2, validator.Cache!.Hits);
    }

    [Fact]
    public async Task A_sender_constrained_token_is_marked_on_every_answer_from_the_cache()
    {
        await using var api = await StartAsync(o => o.TimeProvider = _time);
        var validator = Validator(api);
        var bound = Issuer.Token().WithJson("cnf", "{\"jkt\":\"0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I\"}").Build();
        var plain = Issuer.Token().Build();
        // Validated (and cached), then refused as Bearer: DPoP is allowed by default, so a bound token needs its proof.
        await ResponseAssert.InvalidToken(await api.Client.GetAsync("/private", bound), "A DPoP-bound access token must be sent with the DPoP authorization scheme");
        await ResponseAssert.Ok(await api.Client.GetAsync("/private", plain));

        var entry = validator.FindValidated(bound);
        Assert.NotNull(entry);
        Assert.True(entry.IsSenderConstrained);
        Assert.Equal("0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I", entry.ConfirmationThumbprint);
        Assert.False(validator.FindValidated(plain)!.IsSenderConstrained);
        Assert.Null(validator.FindValidated(plain)!.ConfirmationThumbprint);
    }

    [Fact]
    public void Lists_read_from_a_shared_token_cannot_be_changed_even_through_a_cast()
    {
        var token = new AccessToken(new JsonWebToken(Issuer.Token().Roles("admin", "editor").Scope("read:a read:b").Build()));
        foreach (var list in new[] { token.Scopes, token.Audiences, ReadRoles(token) })
        {
            Assert.False(list is string[]);
            Assert.False(list is List<string>);
            Assert.Throws<NotSupportedException>(() => ((IList<string>)list)[0] = "admin");
        }

        Assert.Equal(["read:a", "read:b"], token.Scopes);
        Assert.Equal(["admin", "editor"], ReadRoles(token));

        static IReadOnlyList<string> ReadRoles(AccessToken token) => token.TryGetStringList("roles", out var roles) ? roles : [];
    }

    private static ValidatedToken Entry(string token, SigningKeys keys, DateTimeOffset from, DateTimeOffset until)
        => new(new AccessToken(new JsonWebToken(token)), keys, null, from, until, confirmation: false, confirmationThumbprint: null);

    [Fact]
    public async Task Keys_are_fetched_at_startup_before_any_request()
    {
        await using var api = await StartAsync(o => o.TimeProvider = _time);
        var waited = Stopwatch.StartNew();
        while (Issuer.JwksRequests == 0 && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        Assert.Equal(1, Issuer.DiscoveryRequests);
        Assert.Equal(1, Issuer.JwksRequests);
        await ResponseAssert.Ok(await api.Client.GetAsync("/private", Issuer.Token().Build()));
        Assert.Equal(1, Issuer.JwksRequests);
    }

    [Fact]
    public async Task The_startup_fetch_begins_before_any_hosted_service_starts()
    {
        // A hosted service registered ahead of everything else (ahead of the web server too) that waits in its StartAsync
        // for the key fetch: if the fetch began only in a hosted service's own StartAsync, it would wait in vain.
        var sawFetch = new WaitsForDiscovery(Issuer);
        SyncClock();
        await using var api = await TestApiHost.StartAsync(
            Issuer,
            TestRoutes.Map,
            o => o.TimeProvider = _time,
            services: s => s.Insert(0, ServiceDescriptor.Singleton<IHostedService>(sawFetch)));

        Assert.True(sawFetch.Saw, "the discovery request had not been made while the first hosted service started");
        await ResponseAssert.Ok(await api.Client.GetAsync("/private", Issuer.Token().Build()));
        Assert.Equal(1, Issuer.JwksRequests);
    }

    private sealed class WaitsForDiscovery(TestIssuer issuer) : IHostedService
    {
        public bool Saw { get; private set; }

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            var waited = Stopwatch.StartNew();
            while (issuer.DiscoveryRequests == 0 && waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(10, cancellationToken);
            }

            Saw = issuer.DiscoveryRequests > 0;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [Fact]
    public async Task A_failed_startup_fetch_is_logged_and_requests_fetch_on_demand()
    {
        Issuer.Behavior = IssuerBehavior.Unavailable;
        await using var api = await StartAsync(o => o.TimeProvider = _time);
        var waited = Stopwatch.StartNew();
        while (!api.Logs.Any(l => l.Category == "Auth0.Generated.Keys") && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        Assert.Contains(api.Logs, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Warning && l.Category == "Auth0.Generated.Keys");
        Issuer.Behavior = IssuerBehavior.Normal;
        _time.Advance(TimeSpan.FromSeconds(2));
        await ResponseAssert.Ok(await api.Client.GetAsync("/private", Issuer.Token().Build()));
    }
}
