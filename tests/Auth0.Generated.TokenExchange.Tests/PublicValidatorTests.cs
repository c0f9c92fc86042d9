using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authorization;

namespace Auth0.Generated.TokenExchange.Tests;

/// <summary>
/// <see cref="IAccessTokenValidator"/> outside HTTP (as a SignalR hub or a queue consumer would call it): the scheme's
/// rules and answers, its key source, required claims.
/// </summary>
public sealed class PublicValidatorTests
{
    private static Task<TestApiHost> StartAsync(TestIssuer issuer)
        => TestApiHost.StartAsync(issuer, app => app.MapGet("/private", [Authorize] () => "ok"), options => options.FetchTimeout = OpenIddictTenant.TestTimeout);

    [Fact]
    public async Task A_valid_token_is_returned_with_its_claims()
    {
        await using var issuer = await TestIssuer.StartAsync();
        await using var host = await StartAsync(issuer);
        var validator = host.Services.GetRequiredService<IAccessTokenValidator>();

        var result = await validator.ValidateAsync(issuer.Token().Scope("read:messages").With("tenant", "acme").Build(),
            new AccessTokenValidationOptions { RequiredClaims = { "tenant" } });

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal("auth0|test-user", result.Token.Sub);
        Assert.Contains("read:messages", result.Token.Scopes);
        Assert.Null(result.Failure);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("audience")]
    [InlineData("garbage")]
    [InlineData("signature")]
    public async Task A_refused_token_gets_the_schemes_rfc6750_answer(string defect)
    {
        await using var issuer = await TestIssuer.StartAsync();
        await using var host = await StartAsync(issuer);
        using var otherKey = TestSigningKey.Create(issuer.SigningKey.KeyId);
        var token = defect switch
        {
            "expired" => issuer.Token().ExpiresIn(TimeSpan.FromHours(-1)).Build(),
            "audience" => issuer.Token("https://other.api").Build(),
            "signature" => issuer.Token().SignedWith(otherKey).Build(),
            _ => "not.a.jwt",
        };

        var result = await host.Services.GetRequiredService<IAccessTokenValidator>().ValidateAsync(token);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/private", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await host.Client.SendAsync(request);
        var challenge = response.Headers.WwwAuthenticate.Single().Parameter!;
        Assert.False(result.IsValid);
        Assert.Equal(401, result.Failure.StatusCode);
        Assert.Equal("invalid_token", result.Failure.Error);
        Assert.Contains($"error_description=\"{result.Failure.Description.Replace("\"", "\\\"", StringComparison.Ordinal)}\"", challenge, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_dpop_bound_token_is_refused_without_a_proof_unless_dpop_is_disabled(bool disabled)
    {
        await using var issuer = await TestIssuer.StartAsync();
        await using var host = await TestApiHost.StartAsync(issuer, app => app.MapGet("/private", [Authorize] () => "ok"), options =>
        {
            options.FetchTimeout = OpenIddictTenant.TestTimeout;
            if (disabled)
            {
                options.DPoP.Mode = Auth0.Generated.DPoP.DPoPMode.Disabled;
            }
        });
        var bound = issuer.Token().WithJson("cnf", "{\"jkt\":\"0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I\"}").Build();

        var result = await host.Services.GetRequiredService<IAccessTokenValidator>().ValidateAsync(bound);

        Assert.Equal(disabled, result.IsValid);
        if (!disabled)
        {
            Assert.Equal("invalid_token", result.Failure!.Error);
            Assert.Equal("A DPoP-bound access token must be sent with the DPoP authorization scheme", result.Failure.Description);
        }
    }

    [Fact]
    public async Task A_missing_required_claim_is_invalid_token()
    {
        await using var issuer = await TestIssuer.StartAsync();
        await using var host = await StartAsync(issuer);

        var result = await host.Services.GetRequiredService<IAccessTokenValidator>().ValidateAsync(issuer.Token().Build(),
            new AccessTokenValidationOptions { RequiredClaims = { "org_id" } });

        Assert.Equal(("invalid_token", "Missing 'org_id' claim"), (result.Failure!.Error, result.Failure.Description));
    }

    [Fact]
    public async Task It_shares_the_schemes_key_source()
    {
        await using var issuer = await TestIssuer.StartAsync();
        await using var host = await StartAsync(issuer);
        var validator = host.Services.GetRequiredService<IAccessTokenValidator>();
        Assert.True((await validator.ValidateAsync(issuer.Token().Build())).IsValid);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/private", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Token().Scope("other").Build());
        using var response = await host.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();

        Assert.Equal(1, issuer.JwksRequests);
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await validator.ValidateAsync(null!));
    }
}
