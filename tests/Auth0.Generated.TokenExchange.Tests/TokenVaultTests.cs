namespace Auth0.Generated.TokenExchange.Tests;

/// <summary><see cref="Auth0TokenVault"/>: the bounded cache of Token Vault tokens and its expiry rules, against OpenIddict.</summary>
public sealed class TokenVaultTests : IClassFixture<TenantFixture>
{
    private readonly OpenIddictTenant _tenant;

    public TokenVaultTests(TenantFixture fixture) => _tenant = fixture.Tenant;

    /// <summary>A caller's access token as the API sees it: exchanged from a legacy token, validated by the public validator.</summary>
    private static async Task<AccessToken> CallerAsync(ExchangeServices services, OpenIddictTenant tenant, string user)
    {
        var exchanged = await services.Client.ExchangeAsync(new CustomTokenExchangeRequest
        {
            SubjectToken = tenant.IssueLegacyToken(user),
            SubjectTokenType = OpenIddictTenant.LegacyTokenType,
            Audience = OpenIddictTenant.ApiAudience,
        });
        var validated = await services.Validator.ValidateAsync(exchanged.AccessToken);
        Assert.True(validated.IsValid, validated.ToString());
        return validated.Token;
    }

    [Fact]
    public async Task Tokens_are_cached_per_user_connection_and_login_hint_within_the_bound()
    {
        using var services = new ExchangeServices(_tenant, options => options.ConnectionTokenCacheSize = 2, withApi: true);
        var alice = await CallerAsync(services, _tenant, "alice");
        var bob = await CallerAsync(services, _tenant, "bob");
        var requests = _tenant.TokenRequests;

        var first = await services.Vault.GetTokenAsync(alice, OpenIddictTenant.Connection);
        var again = await services.Vault.GetTokenAsync(alice, OpenIddictTenant.Connection);
        Assert.Same(first, again);
        Assert.Equal(requests + 1, _tenant.TokenRequests);

        var hinted = await services.Vault.GetTokenAsync(alice, OpenIddictTenant.Connection, "alice@work.example");
        Assert.NotEqual(first.AccessToken, hinted.AccessToken);
        var forBob = await services.Vault.GetTokenAsync(bob, OpenIddictTenant.Connection);
        Assert.NotEqual(first.AccessToken, forBob.AccessToken);
        Assert.Equal(requests + 3, _tenant.TokenRequests);

        // Three entries for a cache of two: of those expiring soonest (alice's two, bounded by her token), the first added was evicted.
        Assert.Same(forBob, await services.Vault.GetTokenAsync(bob, OpenIddictTenant.Connection));
        Assert.NotSame(first, await services.Vault.GetTokenAsync(alice, OpenIddictTenant.Connection));
        Assert.Equal(requests + 4, _tenant.TokenRequests);
    }

    [Fact]
    public async Task A_cached_token_never_outlives_the_callers_token()
    {
        var time = new ManualTimeProvider();
        using var services = new ExchangeServices(_tenant, withApi: true, time: time);
        var alice = await CallerAsync(services, _tenant, "alice");
        Assert.True(alice.Expires < time.GetUtcNow() + TimeSpan.FromHours(1) - TimeSpan.FromMinutes(1), "the caller's token must expire before the connection token");
        var requests = _tenant.TokenRequests;

        var first = await services.Vault.GetTokenAsync(alice, OpenIddictTenant.Connection);
        time.Advance(alice.Expires!.Value - time.GetUtcNow() - TimeSpan.FromSeconds(30));
        Assert.Same(first, await services.Vault.GetTokenAsync(alice, OpenIddictTenant.Connection));
        Assert.Equal(requests + 1, _tenant.TokenRequests);

        // Past the caller's exp (the connection token itself still has most of its hour): not from the cache.
        time.Advance(TimeSpan.FromSeconds(31));
        Assert.NotSame(first, await services.Vault.GetTokenAsync(alice, OpenIddictTenant.Connection));
        Assert.Equal(requests + 2, _tenant.TokenRequests);
    }

    [Fact]
    public async Task A_token_within_the_margin_of_its_expiry_is_not_used()
    {
        var time = new ManualTimeProvider();
        var margin = TimeSpan.FromMinutes(35);
        using var services = new ExchangeServices(_tenant, options => options.ConnectionTokenExpiryMargin = margin, withApi: true, time: time);
        var alice = await CallerAsync(services, _tenant, "alice");

        var first = await services.Vault.GetTokenAsync(alice, OpenIddictTenant.Connection);
        var requests = _tenant.TokenRequests;

        // The connection token's hour less 35 minutes ends before the caller's 30-minute token does.
        var cutoff = first.ExpiresAt - margin;
        Assert.True(cutoff < alice.Expires);
        time.Advance(cutoff - time.GetUtcNow() - TimeSpan.FromSeconds(1));
        Assert.Same(first, await services.Vault.GetTokenAsync(alice, OpenIddictTenant.Connection));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.NotSame(first, await services.Vault.GetTokenAsync(alice, OpenIddictTenant.Connection));
        Assert.Equal(requests + 1, _tenant.TokenRequests);
    }
}
