using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.IdentityModel.Tokens;

namespace Auth0.Generated.TokenExchange.Tests;

/// <summary>Both exchanges against a real OpenIddict 7.8 server on loopback, authenticated both ways.</summary>
public sealed class OpenIddictExchangeTests : IAsyncLifetime
{
    private OpenIddictTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await OpenIddictTenant.StartAsync();

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    private CustomTokenExchangeRequest Legacy(string user, string? scope = "read:messages") => new()
    {
        SubjectToken = _tenant.IssueLegacyToken(user),
        SubjectTokenType = OpenIddictTenant.LegacyTokenType,
        Audience = OpenIddictTenant.ApiAudience,
        Scope = scope,
    };

    [Fact]
    public async Task Custom_token_exchange_with_a_client_secret_issues_a_token_the_public_validator_accepts()
    {
        using var services = new ExchangeServices(_tenant, withApi: true);
        var before = DateTimeOffset.UtcNow;

        var result = await services.Client.ExchangeAsync(Legacy("alice"));

        Assert.Equal("Bearer", result.TokenType);
        Assert.Equal("urn:ietf:params:oauth:token-type:access_token", result.IssuedTokenType);
        Assert.InRange(result.ExpiresAt, before.AddMinutes(1), DateTimeOffset.UtcNow.AddHours(2));
        Assert.DoesNotContain(result.AccessToken, result.ToString(), StringComparison.Ordinal);

        var validation = await services.Validator.ValidateAsync(result.AccessToken);
        Assert.True(validation.IsValid, validation.ToString());
        Assert.Equal("alice", validation.Token.Sub);
        Assert.Contains(OpenIddictTenant.ApiAudience, validation.Token.Audiences);
        Assert.Contains("read:messages", validation.Token.Scopes);

        // The exchange took its token endpoint from the discovery document the API's key source read: one fetch.
        Assert.Equal(1, _tenant.DiscoveryRequests);
    }

    [Fact]
    public async Task Token_vault_with_a_client_assertion_returns_the_connection_token()
    {
        using var services = new ExchangeServices(_tenant, options =>
        {
            options.ClientId = OpenIddictTenant.AssertionClientId;
            options.ClientSecret = null;
            options.ClientAssertionSigningKey = new RsaSecurityKey(_tenant.AssertionKey);
        });
        var caller = await services.Client.ExchangeAsync(Legacy("bob"));

        var result = await services.Client.GetConnectionTokenAsync(new ConnectionTokenRequest
        {
            AccessToken = caller.AccessToken,
            Connection = OpenIddictTenant.Connection,
            LoginHint = "bob@example.com",
        });

        Assert.Equal(_tenant.LastConnectionToken, result.AccessToken);
        Assert.Equal(OpenIddictTenant.Connection, result.Connection);
        Assert.Equal("bob@example.com", result.LoginHint);
        Assert.Equal(OpenIddictTenant.FederatedConnectionTokenType, result.IssuedTokenType);
        Assert.Equal("https://www.googleapis.com/auth/calendar.readonly", result.Scope);
        Assert.StartsWith(OpenIddictTenant.Connection + ": Bearer token", result.ToString(), StringComparison.Ordinal);
    }
}
