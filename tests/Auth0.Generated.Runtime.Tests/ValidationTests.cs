using System.Text;
using Microsoft.Extensions.Logging;

namespace Auth0.Generated.Runtime.Tests;

/// <summary>docs/behaviour.md, "Validating it".</summary>
public sealed class ValidationTests(IssuerFixture fixture) : SharedIssuerTests(fixture)
{
    private const string Secret = "0123456789abcdef0123456789abcdef-shared";

    private Task<HttpResponseMessage> Call(TestToken token, string path = "/private") => Api.Client.GetAsync(path, token.Build());

    [Fact]
    public async Task A_valid_token_passes_and_the_principal_keeps_token_claim_names()
    {
        var response = await Api.Client.GetAsync("/user", Issuer.Token().Scope("read:messages").Build());
        await ResponseAssert.Ok(response);
        Assert.Equal("auth0|test-user|Auth0|read:messages", await response.Content.ReadAsStringAsync());
        var sub = await (await Call(Issuer.Token())).Content.ReadAsStringAsync();
        Assert.Equal("auth0|test-user", sub);
    }

    [Fact]
    public async Task Issuer_must_match_exactly()
    {
        await ResponseAssert.InvalidToken(await Call(Issuer.Token().With("iss", Issuer.Issuer.TrimEnd('/'))), "unexpected \"iss\" claim value");
        await ResponseAssert.InvalidToken(await Call(Issuer.Token().With("iss", "https://evil.example/")));
        await ResponseAssert.InvalidToken(await Call(Issuer.Token().Without("iss")));
    }

    [Fact]
    public async Task Audience_must_be_configured_one_or_contained_in_the_array()
    {
        await ResponseAssert.Ok(await Call(Issuer.Token().With("aud", new[] { "https://other", TestIssuer.DefaultAudience })));
        await ResponseAssert.InvalidToken(await Call(Issuer.Token().With("aud", "https://other")), "unexpected \"aud\" claim value");
        await ResponseAssert.InvalidToken(await Call(Issuer.Token().With("aud", TestIssuer.DefaultAudience + "/")));
        await ResponseAssert.InvalidToken(await Call(Issuer.Token().Without("aud")));
    }

    [Fact]
    public async Task Only_RS256_by_default()
    {
        await ResponseAssert.InvalidToken(await Call(Issuer.Token().SignedWith(Issuer.SigningKey, "RS384")));
        await ResponseAssert.InvalidToken(await Call(Issuer.Token().SignedWith(Issuer.SigningKey, "PS256")));
        await ResponseAssert.InvalidToken(await Call(Issuer.Token().Unsigned()));
        await ResponseAssert.InvalidToken(await Call(Issuer.Token().SignedWithSecret(Issuer.SigningKey.PublicKeyPemBytes())));
        await ResponseAssert.InvalidToken(await Call(Issuer.Token().SignedWithSecret(Encoding.UTF8.GetBytes(Secret))));
    }

    [Fact]
    public async Task Configured_algorithms_are_accepted()
    {
        await using var api = await TestRoutes.StartHostAsync(Issuer, configuration: new Dictionary<string, string?> { ["Auth0:Algorithms:0"] = "RS384" });
        await ResponseAssert.Ok(await api.Client.GetAsync("/private", Issuer.Token().SignedWith(Issuer.SigningKey, "RS384").Build()));
        await ResponseAssert.InvalidToken(await api.Client.GetAsync("/private", Issuer.Token().Build()));
    }

    [Fact]
    public async Task HS_tokens_need_the_configured_secret_and_the_public_key_is_no_secret()
    {
        await using var api = await TestRoutes.StartHostAsync(Issuer, o => o.SymmetricSecret = Secret);
        await ResponseAssert.Ok(await api.Client.GetAsync("/private", Issuer.Token().SignedWithSecret(Encoding.UTF8.GetBytes(Secret)).Build()));
        await ResponseAssert.InvalidToken(await api.Client.GetAsync("/private", Issuer.Token().SignedWithSecret(Issuer.SigningKey.PublicKeyPemBytes()).Build()));
        await ResponseAssert.InvalidToken(await api.Client.GetAsync("/private", Issuer.Token().Unsigned().Build()));
        await ResponseAssert.Ok(await api.Client.GetAsync("/private", Issuer.Token().Build()));
    }

    [Fact]
    public async Task Expiry_is_required_and_honoured_with_five_seconds_tolerance()
    {
        await ResponseAssert.InvalidToken(await Call(Issuer.Token().ExpiresIn(TimeSpan.FromSeconds(-30))), "\"exp\" claim timestamp check failed");
        await ResponseAssert.Ok(await Call(Issuer.Token().NotBefore(TimeSpan.FromSeconds(-60)).ExpiresIn(TimeSpan.FromSeconds(-2))));
        await ResponseAssert.InvalidToken(await Call(Issuer.Token().Without("exp")));
        await ResponseAssert.InvalidToken(await Call(Issuer.Token().With("exp", "tomorrow")));
    }

    [Fact]
    public async Task Not_before_is_honoured_with_the_tolerance()
    {
        await ResponseAssert.InvalidToken(await Call(Issuer.Token().NotBefore(TimeSpan.FromSeconds(60))), "\"nbf\" claim timestamp check failed");
        await ResponseAssert.Ok(await Call(Issuer.Token().NotBefore(TimeSpan.FromSeconds(2))));
    }

    [Fact]
    public async Task Issued_at_is_optional_by_default()
        => await ResponseAssert.Ok(await Call(Issuer.Token().Without("iat")));

    [Fact]
    public async Task Strict_mode_requires_at_jwt_and_iat()
    {
        await using var api = await TestRoutes.StartHostAsync(Issuer, configuration: new Dictionary<string, string?> { ["Auth0:Strict"] = "true" });
        await ResponseAssert.Ok(await api.Client.GetAsync("/private", Issuer.Token().Header("typ", "at+jwt").Build()));
        await ResponseAssert.Ok(await api.Client.GetAsync("/private", Issuer.Token().Header("typ", "application/at+jwt").Build()));
        await ResponseAssert.InvalidToken(await api.Client.GetAsync("/private", Issuer.Token().Build()), "unexpected \"typ\" JWT header value");
        await ResponseAssert.InvalidToken(await api.Client.GetAsync("/private", Issuer.Token().Header("typ", null).Build()));
        await ResponseAssert.InvalidToken(await api.Client.GetAsync("/private", Issuer.Token().Header("typ", "at+jwt").Without("iat").Build()), "missing required \"iat\" claim");
    }

    [Fact]
    public async Task Max_token_age_requires_a_recent_iat()
    {
        await using var api = await TestRoutes.StartHostAsync(Issuer, o => o.MaxTokenAge = TimeSpan.FromMinutes(1));
        await ResponseAssert.Ok(await api.Client.GetAsync("/private", Issuer.Token().Build()));
        await ResponseAssert.InvalidToken(await api.Client.GetAsync("/private", Issuer.Token().IssuedAt(TimeSpan.FromMinutes(-10)).Build()), "\"iat\" claim timestamp check failed");
        await ResponseAssert.InvalidToken(await api.Client.GetAsync("/private", Issuer.Token().Without("iat").Build()), "missing required \"iat\" claim");
        await ResponseAssert.InvalidToken(await api.Client.GetAsync("/private", Issuer.Token().With("iat", "yesterday").Build()));
    }

    [Fact]
    public async Task Sub_is_optional_but_must_be_a_string()
    {
        await ResponseAssert.Ok(await Call(Issuer.Token().Without("sub")));
        await ResponseAssert.InvalidToken(await Call(Issuer.Token().With("sub", 42L)), "unexpected \"sub\" claim value");
        await ResponseAssert.InvalidToken(await Call(Issuer.Token().With("sub", new[] { "a" })));
    }

    [Fact]
    public async Task A_token_without_kid_is_tried_against_the_published_keys()
        => await ResponseAssert.Ok(await Call(Issuer.Token().Header("kid", null)));

    [Fact]
    public async Task Malformed_tokens_are_invalid_token_never_500_and_never_logged_as_errors()
    {
        var valid = Issuer.Token().Build();
        var parts = valid.Split('.');
        var tampered = Issuer.Token().With("sub", "someone-else").Build().Split('.');
        string[] tokens =
        [
            "abc",
            "a.b",
            "a.b.c",
            "a.b.c.d.e",
            "!!!.@@@.###",
            Base64Url.Encode("{not json") + "." + parts[1] + "." + parts[2],
            parts[0] + "." + Base64Url.Encode("[1,2,3]") + "." + parts[2],
            parts[0] + "." + Base64Url.Encode("{\"iss\":") + "." + parts[2],
            parts[0] + "." + tampered[1] + "." + parts[2],
            parts[0] + "." + parts[1] + "." + parts[2][..^4] + "AAAA",
            parts[0] + "." + parts[1] + ".",
            parts[0] + "." + parts[1],
            Base64Url.Encode("{\"alg\":\"RS256\",\"kid\":{\"x\":1}}") + "." + parts[1] + "." + parts[2],
            Base64Url.Encode("{\"alg\":\"RS256\",\"crit\":[\"exp\"]}") + "." + parts[1] + "." + parts[2],
        ];
        foreach (var token in tokens)
        {
            var response = await Api.Client.SendRawAsync("/private", "Bearer " + token);
            if (response.Headers.WwwAuthenticate.First().ToString() == "Bearer")
            {
                await ResponseAssert.BareChallenge(response); // not even b64token characters
            }
            else
            {
                await ResponseAssert.InvalidToken(response);
            }
        }

        Assert.DoesNotContain(Api.Logs, l => l.Level >= LogLevel.Error);
        Assert.DoesNotContain(Api.Logs, l => l.Message.Contains(parts[1], StringComparison.Ordinal) || l.Message.Contains(parts[2], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Array_or_unusual_header_values_do_not_break_the_handler()
    {
        var tokens = new[]
        {
            Issuer.Token().Header("kid", "").Build(),
            Issuer.Token().Header("kid", new string('k', 2000)).Build(),
            Issuer.Token().With("scope", 12L).Build(),
        };
        foreach (var token in tokens)
        {
            var response = await Api.Client.GetAsync("/scoped", token);
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        }

        Assert.DoesNotContain(Api.Logs, l => l.Level >= LogLevel.Error);
    }

    [Theory]
    [InlineData("exp", "\"9999999999\"")]
    [InlineData("exp", "null")]
    [InlineData("exp", "true")]
    [InlineData("exp", "[9999999999]")]
    [InlineData("nbf", "\"1\"")]
    [InlineData("nbf", "{}")]
    [InlineData("iat", "\"1700000000\"")]
    [InlineData("iat", "null")]
    public async Task Date_claims_must_be_json_numbers(string claim, string json)
    {
        var response = await Call(Issuer.Token().WithJson(claim, json));
        await ResponseAssert.InvalidToken(response, $"\"{claim}\" claim must be a number");
    }

    [Fact]
    public async Task Date_claims_as_numbers_pass_including_fractions()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        await ResponseAssert.Ok(await Call(Issuer.Token().WithJson("exp", (now + 600).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".5").WithJson("iat", now + ".25")));
    }

    [Theory]
    [InlineData("[\"foo\"]")]
    [InlineData("[\"exp\"]")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("\"foo\"")]
    public async Task Any_crit_header_is_refused(string json)
        => await ResponseAssert.InvalidToken(await Call(Issuer.Token().HeaderJson("crit", json)), "unsupported \"crit\" header parameter");

    [Theory]
    [InlineData("garbage", "")]
    [InlineData("", "garbage")]
    [InlineData("{}", "")]
    [InlineData("", "{\"sub\":\"other\"}")]
    [InlineData("", "]")]
    public async Task Bytes_after_the_json_object_make_the_token_malformed(string header, string payload)
        => await ResponseAssert.InvalidToken(await Call(Issuer.Token().Trailing(header, payload)), "Invalid Compact JWS");

    [Fact]
    public async Task Whitespace_after_the_json_object_is_still_json()
        => await ResponseAssert.Ok(await Call(Issuer.Token().Trailing(" ", "\n")));
}
