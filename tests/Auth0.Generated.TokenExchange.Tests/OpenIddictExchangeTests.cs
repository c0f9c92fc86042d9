using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Auth0.Generated.TokenExchange.Tests;

/// <summary>One OpenIddict server for the tests of a class (starting one takes seconds on a shared machine).</summary>
public sealed class TenantFixture : IAsyncLifetime
{
    public OpenIddictTenant Tenant { get; private set; } = null!;

    public async Task InitializeAsync() => Tenant = await OpenIddictTenant.StartAsync();

    public async Task DisposeAsync() => await Tenant.DisposeAsync();
}

/// <summary>Both exchanges against a real OpenIddict 7.8 server on loopback, authenticated both ways.</summary>
public sealed class OpenIddictExchangeTests : IClassFixture<TenantFixture>
{
    private readonly OpenIddictTenant _tenant;

    public OpenIddictExchangeTests(TenantFixture fixture) => _tenant = fixture.Tenant;

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
        var discoveries = _tenant.DiscoveryRequests;

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
        Assert.Equal(discoveries + 1, _tenant.DiscoveryRequests);

        var required = new AccessTokenValidationOptions { RequiredClaims = { "scope", "org_id" } };
        var missing = await services.Validator.ValidateAsync(result.AccessToken, required);
        Assert.False(missing.IsValid);
        Assert.Equal("invalid_token", missing.Failure.Error);
        Assert.Equal("Missing 'org_id' claim", missing.Failure.Description);
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

    [Fact]
    public async Task Refusals_are_typed_oauth_errors_with_their_status()
    {
        using var badSecret = new ExchangeServices(_tenant, options => options.ClientSecret = "not-the-secret");
        var error = await Assert.ThrowsAsync<TokenExchangeErrorException>(() => badSecret.Client.ExchangeAsync(Legacy("carol")));
        Assert.Equal("invalid_client", error.Error);
        Assert.Equal(401, error.StatusCode);

        using var wrongKey = RSA.Create(2048);
        using var badAssertion = new ExchangeServices(_tenant, options =>
        {
            options.ClientId = OpenIddictTenant.AssertionClientId;
            options.ClientAssertionSigningKey = new RsaSecurityKey(wrongKey);
        });
        error = await Assert.ThrowsAsync<TokenExchangeErrorException>(() => badAssertion.Client.ExchangeAsync(Legacy("carol")));
        Assert.Equal("invalid_client", error.Error);

        using var services = new ExchangeServices(_tenant);
        error = await Assert.ThrowsAsync<TokenExchangeErrorException>(() => services.Client.ExchangeAsync(new CustomTokenExchangeRequest
        {
            SubjectToken = "legacy.not-issued-by-the-legacy-system",
            SubjectTokenType = OpenIddictTenant.LegacyTokenType,
        }));
        Assert.Equal(("invalid_grant", 400, "The legacy token is not valid."), (error.Error, error.StatusCode, error.ErrorDescription));

        var caller = await services.Client.ExchangeAsync(Legacy("carol"));
        error = await Assert.ThrowsAsync<TokenExchangeErrorException>(() => services.Client.GetConnectionTokenAsync(new ConnectionTokenRequest
        {
            AccessToken = caller.AccessToken,
            Connection = "github",
        }));
        Assert.Equal(("invalid_request", 400, "The connection is not enabled for this client."), (error.Error, error.StatusCode, error.ErrorDescription));

        error = await Assert.ThrowsAsync<TokenExchangeErrorException>(() => services.Client.GetConnectionTokenAsync(new ConnectionTokenRequest
        {
            AccessToken = _tenant.IssueLegacyToken("carol"),
            Connection = OpenIddictTenant.Connection,
        }));
        Assert.Equal(("invalid_grant", 400), (error.Error, error.StatusCode));
    }

    [Fact]
    public async Task No_token_or_secret_reaches_the_logs_or_exception_messages()
    {
        using var services = new ExchangeServices(_tenant);
        var legacy = Legacy("dave");
        var caller = await services.Client.ExchangeAsync(legacy);
        var connection = await services.Client.GetConnectionTokenAsync(new ConnectionTokenRequest { AccessToken = caller.AccessToken, Connection = OpenIddictTenant.Connection });

        using var failing = new ExchangeServices(_tenant, options => options.ClientSecret = "wrong-secret-0123456789");
        var failingLegacy = Legacy("dave");
        var error = await Assert.ThrowsAsync<TokenExchangeErrorException>(() => failing.Client.ExchangeAsync(failingLegacy));
        var vaultError = await Assert.ThrowsAsync<TokenExchangeErrorException>(() => failing.Client.GetConnectionTokenAsync(
            new ConnectionTokenRequest { AccessToken = caller.AccessToken, Connection = OpenIddictTenant.Connection }));

        var logs = services.Logs.Snapshot().Concat(failing.Logs.Snapshot()).ToList();
        Assert.Contains(logs, log => log.Category.Contains("TokenExchangeClient", StringComparison.Ordinal) && log.Message.Contains("succeeded", StringComparison.Ordinal));
        Assert.Contains(logs, log => log.Message.Contains("invalid_client (HTTP 401)", StringComparison.Ordinal));
        var text = string.Join('\n', logs.Select(log => log.Message + " " + log.Exception))
            + error + vaultError + caller + connection;
        foreach (var secret in new[] { legacy.SubjectToken, failingLegacy.SubjectToken, _tenant.ClientSecret, "wrong-secret-0123456789", caller.AccessToken, connection.AccessToken })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("urn:ietf:params:oauth:token-type:jwt", null, null, null)]
    [InlineData("https://auth0.com/token-type", null, null, null)]
    [InlineData("URN:AUTH0:legacy", null, null, null)]
    [InlineData("not a uri", null, null, null)]
    [InlineData(OpenIddictTenant.LegacyTokenType, "https://api with space", null, null)]
    [InlineData(OpenIddictTenant.LegacyTokenType, null, "read:\"quoted\"", null)]
    [InlineData(OpenIddictTenant.LegacyTokenType, null, null, "org one")]
    [InlineData(OpenIddictTenant.LegacyTokenType, null, null, "client_id")]
    [InlineData(OpenIddictTenant.LegacyTokenType, null, null, "Audience")]
    public async Task Inputs_are_refused_before_any_request(string type, string? audience, string? scope, string? organizationOrExtra)
    {
        using var services = new ExchangeServices(_tenant);
        var requests = _tenant.TokenRequests;
        var request = new CustomTokenExchangeRequest
        {
            SubjectToken = "legacy.token",
            SubjectTokenType = type,
            Audience = audience,
            Scope = scope,
            Organization = organizationOrExtra is "org one" ? organizationOrExtra : null,
        };
        if (organizationOrExtra is "client_id" or "Audience")
        {
            request.ExtraParameters[organizationOrExtra] = "override";
        }

        await Assert.ThrowsAnyAsync<ArgumentException>(() => services.Client.ExchangeAsync(request));
        Assert.Equal(requests, _tenant.TokenRequests);
    }

    [Fact]
    public async Task Token_and_connection_shapes_are_refused_before_any_request()
    {
        using var services = new ExchangeServices(_tenant);
        var requests = _tenant.TokenRequests;
        var tooMany = new CustomTokenExchangeRequest { SubjectToken = "t", SubjectTokenType = OpenIddictTenant.LegacyTokenType };
        for (var i = 0; i < 21; i++)
        {
            tooMany.ExtraParameters["p" + i] = "v";
        }

        await Assert.ThrowsAnyAsync<ArgumentException>(() => services.Client.ExchangeAsync(tooMany));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => services.Client.ExchangeAsync(new CustomTokenExchangeRequest { SubjectToken = new string('a', 16 * 1024 + 1), SubjectTokenType = OpenIddictTenant.LegacyTokenType }));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => services.Client.ExchangeAsync(new CustomTokenExchangeRequest { SubjectToken = "two words", SubjectTokenType = OpenIddictTenant.LegacyTokenType }));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => services.Client.GetConnectionTokenAsync(new ConnectionTokenRequest { AccessToken = "a.b.c", Connection = "google oauth2" }));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => services.Client.GetConnectionTokenAsync(new ConnectionTokenRequest { AccessToken = "a.b.c", Connection = "google", LoginHint = "line\nbreak" }));
        var refused = await Assert.ThrowsAnyAsync<ArgumentException>(() => services.Client.ExchangeAsync(new CustomTokenExchangeRequest { SubjectToken = "secret-subject-token", SubjectTokenType = "urn:ietf:params:oauth:token-type:jwt" }));
        Assert.DoesNotContain("secret-subject-token", refused.Message, StringComparison.Ordinal);
        Assert.Equal(requests, _tenant.TokenRequests);
    }

    [Fact]
    public async Task The_client_assertion_key_can_come_from_configuration_as_pem()
    {
        using var services = new ExchangeServices(_tenant, configuration: new Dictionary<string, string?>
        {
            ["AUTH0_CLIENT_ID"] = OpenIddictTenant.AssertionClientId,
            ["AUTH0_CLIENT_SECRET"] = null,
            ["Auth0:ClientAssertionSigningKey"] = _tenant.AssertionKey.ExportPkcs8PrivateKeyPem(),
        });

        var result = await services.Client.ExchangeAsync(Legacy("erin"));
        Assert.False(string.IsNullOrEmpty(result.AccessToken));
    }

    [Fact]
    public async Task Missing_or_broken_client_credentials_fail_before_the_token_request()
    {
        var requests = _tenant.TokenRequests;
        using var noSecret = new ExchangeServices(_tenant, configuration: new Dictionary<string, string?> { ["AUTH0_CLIENT_SECRET"] = null });
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => noSecret.Client.ExchangeAsync(Legacy("erin")));
        Assert.Contains("AUTH0_CLIENT_SECRET", missing.Message, StringComparison.Ordinal);

        using var badPem = new ExchangeServices(_tenant, configuration: new Dictionary<string, string?> { ["Auth0:ClientAssertionSigningKey"] = "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----" });
        var broken = await Assert.ThrowsAsync<InvalidOperationException>(() => badPem.Client.ExchangeAsync(Legacy("erin")));
        Assert.Contains("Auth0:ClientAssertionSigningKey", broken.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("bm90IGEga2V5", broken.Message, StringComparison.Ordinal);
        Assert.Equal(requests, _tenant.TokenRequests);
    }
}
