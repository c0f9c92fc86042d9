namespace Auth0.Generated.Runtime.Tests.DPoP;

/// <summary>
/// RFC 9449 section 4.3 and 7 over HTTP with the default mode (Allowed): proofs built by <see cref="TestDPoPProof"/>
/// (independent of the runtime's client code), every refused case with its exact status and challenge.
/// </summary>
public sealed class DPoPProofTests : IClassFixture<DPoPFixture>
{
    private readonly DPoPFixture _fixture;

    public DPoPProofTests(DPoPFixture fixture) => _fixture = fixture;

    private HttpClient Client => _fixture.Api.Client;

    private TestIssuer Issuer => _fixture.Issuer;

    /// <summary><paramref name="token"/> with a proof by <paramref name="key"/> is answered 401 invalid_token on the DPoP challenge.</summary>
    private async Task InvalidTokenOnTheDPoPChallenge(TestDPoPKey key, string token, string description)
        => await DPoPTestSupport.DPoPError(
            await Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).Build()),
            HttpStatusCode.Unauthorized, "invalid_token", description);

    [Theory]
    [InlineData("ES256")]
    [InlineData("ES384")]
    [InlineData("ES512")]
    [InlineData("RS256")]
    [InlineData("RS384")]
    [InlineData("RS512")]
    [InlineData("PS256")]
    [InlineData("PS384")]
    [InlineData("PS512")]
    public async Task A_bound_token_with_a_valid_proof_is_accepted(string algorithm)
    {
        using var key = TestDPoPKey.Create(algorithm);
        var token = Issuer.BoundToken(key).With("sub", "dpop-user").Build();
        var response = await Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).Build());
        await ResponseAssert.Ok(response);
        Assert.Equal("dpop-user", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains("DPoP-Nonce"));
    }

    [Theory]
    [InlineData("dpop")]
    [InlineData("DPOP")]
    public async Task The_scheme_name_is_case_insensitive(string scheme)
    {
        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();
        await ResponseAssert.Ok(await Client.SendAsync("/dpop/private", token, scheme, key.Proof(token).Build()));
    }

    [Fact]
    public async Task A_post_needs_htm_POST()
    {
        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();
        await ResponseAssert.Ok(await Client.SendMethodAsync("POST", "/dpop/private", token, "DPoP", key.Proof(token, method: "POST").Build()));
        await DPoPTestSupport.InvalidProof(
            await Client.SendMethodAsync("POST", "/dpop/private", token, "DPoP", key.Proof(token, method: "GET").Build()),
            "DPoP proof \"htm\" does not match the request method");
    }

    [Fact]
    public async Task No_credentials_get_both_challenges()
        => await ResponseAssert.BareChallenge(await Client.SendAsync("/dpop/private", null, "DPoP"));

    [Fact]
    public async Task An_unbound_token_may_use_bearer_in_allowed_mode()
        => await ResponseAssert.Ok(await Client.SendAsync("/dpop/private", Issuer.Token().Build(), "Bearer"));

    [Fact]
    public async Task A_bound_token_sent_as_bearer_is_refused_with_or_without_a_proof()
    {
        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();
        const string Description = "A DPoP-bound access token must be sent with the DPoP authorization scheme";
        await ResponseAssert.Error(await Client.SendAsync("/dpop/private", token, "Bearer"), HttpStatusCode.Unauthorized, "invalid_token", Description);
        await ResponseAssert.Error(await Client.SendAsync("/dpop/private", token, "Bearer", key.Proof(token).Build()), HttpStatusCode.Unauthorized, "invalid_token", Description);

        // Any cnf makes a token not a bearer token (an mTLS-bound one too).
        var mtls = Issuer.Token().With("cnf", System.Text.Json.JsonDocument.Parse("{\"x5t#S256\":\"abc\"}").RootElement).Build();
        await ResponseAssert.Error(await Client.SendAsync("/dpop/private", mtls, "Bearer"), HttpStatusCode.Unauthorized, "invalid_token", Description);
    }

    [Fact]
    public async Task An_unbound_token_with_the_dpop_scheme_is_invalid_token_on_the_dpop_challenge()
    {
        using var key = TestDPoPKey.Create();
        var token = Issuer.Token().Build();
        await InvalidTokenOnTheDPoPChallenge(key, token, "The access token is not bound to a DPoP key");
    }

    [Fact]
    public async Task A_token_bound_to_another_key_is_invalid_token_on_the_dpop_challenge()
    {
        using var key = TestDPoPKey.Create();
        using var other = TestDPoPKey.Create();
        var token = Issuer.BoundToken(other).Build();
        await InvalidTokenOnTheDPoPChallenge(key, token, "The DPoP proof key does not match the access token binding");
    }

    [Fact]
    public async Task An_invalid_token_with_the_dpop_scheme_is_answered_on_the_dpop_challenge()
    {
        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).ExpiresIn(TimeSpan.FromMinutes(-10)).Build();
        await InvalidTokenOnTheDPoPChallenge(key, token, "\"exp\" claim timestamp check failed");
    }

    [Fact]
    public async Task Insufficient_scope_on_a_dpop_request_is_answered_on_the_dpop_challenge()
    {
        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Scope("read:other").Build();
        await DPoPTestSupport.DPoPError(
            await Client.SendAsync("/dpop/data", token, "DPoP", key.Proof(token, "/dpop/data").Build()),
            HttpStatusCode.Forbidden, "insufficient_scope", "Insufficient scope", scope: "read:data");
        var scoped = Issuer.BoundToken(key).Scope("read:data").Build();
        await ResponseAssert.Ok(await Client.SendAsync("/dpop/data", scoped, "DPoP", key.Proof(scoped, "/dpop/data").Build()));
    }

    [Fact]
    public async Task A_missing_proof_and_two_proofs_are_refused()
    {
        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();
        await DPoPTestSupport.InvalidProof(await Client.SendAsync("/dpop/private", token, "DPoP"), "Missing DPoP proof");
        await DPoPTestSupport.InvalidProof(
            await Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).Build(), key.Proof(token).Build()),
            "More than one DPoP proof");
    }

    [Fact]
    public async Task A_proof_used_twice_is_refused()
    {
        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();
        var proof = key.Proof(token).Build();
        await ResponseAssert.Ok(await Client.SendAsync("/dpop/private", token, "DPoP", proof));
        await DPoPTestSupport.InvalidProof(await Client.SendAsync("/dpop/private", token, "DPoP", proof), "DPoP proof was already used");

        // The same jti from another key is another proof.
        using var other = TestDPoPKey.Create();
        var otherToken = Issuer.BoundToken(other).Build();
        var jti = Guid.NewGuid().ToString("N");
        await ResponseAssert.Ok(await Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).With("jti", jti).Build()));
        await ResponseAssert.Ok(await Client.SendAsync("/dpop/private", otherToken, "DPoP", other.Proof(otherToken).With("jti", jti).Build()));
    }

    public static TheoryData<string, string> InvalidProofs() => new()
    {
        { "typ JWT", "DPoP proof \"typ\" must be \"dpop+jwt\"" },
        { "typ missing", "DPoP proof \"typ\" must be \"dpop+jwt\"" },
        { "alg none", "DPoP proof \"alg\" is not allowed" },
        { "alg HS256", "DPoP proof \"alg\" is not allowed" },
        { "alg ES256 over an RSA key", "DPoP proof \"alg\" does not match its \"jwk\"" },
        { "alg ES384 over a P-256 key", "DPoP proof \"alg\" does not match its \"jwk\"" },
        { "jwk missing", "DPoP proof \"jwk\" is missing or not a supported public key" },
        { "jwk with private key", "DPoP proof \"jwk\" must not contain a private key" },
        { "jwk symmetric", "DPoP proof \"jwk\" must not contain a private key" },
        { "jwk RSA 1024 bits", "DPoP proof \"jwk\" is missing or not a supported public key" },
        { "signature tampered", "DPoP proof signature verification failed" },
        { "signed by another key", "DPoP proof signature verification failed" },
        { "htm lower case", "DPoP proof \"htm\" does not match the request method" },
        { "htm missing", "DPoP proof \"htm\" does not match the request method" },
        { "htu other path", "DPoP proof \"htu\" does not match the request URI" },
        { "htu other host", "DPoP proof \"htu\" does not match the request URI" },
        { "htu https", "DPoP proof \"htu\" does not match the request URI" },
        { "htu relative", "DPoP proof \"htu\" does not match the request URI" },
        { "htu path case", "DPoP proof \"htu\" does not match the request URI" },
        { "iat 301 s old", "DPoP proof \"iat\" is missing or outside the acceptable window" },
        { "iat 31 s ahead", "DPoP proof \"iat\" is missing or outside the acceptable window" },
        { "iat missing", "DPoP proof \"iat\" is missing or outside the acceptable window" },
        { "iat string", "DPoP proof \"iat\" is missing or outside the acceptable window" },
        { "jti missing", "DPoP proof \"jti\" is missing or invalid" },
        { "jti empty", "DPoP proof \"jti\" is missing or invalid" },
        { "jti too long", "DPoP proof \"jti\" is missing or invalid" },
        { "ath missing", "DPoP proof \"ath\" does not match the access token" },
        { "ath of another token", "DPoP proof \"ath\" does not match the access token" },
        { "crit header", "DPoP proof is not a compact JWS" },
        { "duplicate alg member", "DPoP proof is not a compact JWS" },
        { "two segments", "DPoP proof is not a compact JWS" },
        { "four segments", "DPoP proof is not a compact JWS" },
        { "not base64url", "DPoP proof is not a compact JWS" },
        { "header not JSON", "DPoP proof is not a compact JWS" },
        { "payload an array", "DPoP proof is not a compact JWS" },
        { "too large", "DPoP proof is too large" },
    };

    [Theory]
    [MemberData(nameof(InvalidProofs))]
    public async Task An_invalid_proof_is_401_invalid_dpop_proof(string name, string description)
    {
        using var key = TestDPoPKey.Create();
        using var rsa = TestDPoPKey.Create("RS256");
        using var other = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();
        var valid = key.Proof(token).Build();
        var parts = valid.Split('.');
        var proof = name switch
        {
            "typ JWT" => key.Proof(token).Header("typ", "JWT").Build(),
            "typ missing" => key.Proof(token).Header("typ", null).Build(),
            "alg none" => key.Proof(token).Header("alg", "none").Build(),
            "alg HS256" => key.Proof(token).Header("alg", "HS256").Build(),
            "alg ES256 over an RSA key" => key.Proof(token).Header("jwk", rsa.Jwk()).SignedBy(rsa, "RS256").Build(),
            "alg ES384 over a P-256 key" => key.Proof(token).Header("alg", "ES384").Build(),
            "jwk missing" => key.Proof(token).Header("jwk", null).Build(),
            "jwk with private key" => key.Proof(token).Header("jwk", key.Jwk(includePrivate: true)).Build(),
            "jwk symmetric" => key.Proof(token).Header("jwk", new Dictionary<string, object?> { ["kty"] = "oct", ["k"] = "c2VjcmV0" }).Build(),
            "jwk RSA 1024 bits" => Rsa1024Proof(token),
            "signature tampered" => key.Proof(token).Tampered().Build(),
            "signed by another key" => key.Proof(token).SignedBy(other).Build(),
            "htm lower case" => key.Proof(token).With("htm", "get").Build(),
            "htm missing" => key.Proof(token).Without("htm").Build(),
            "htu other path" => key.Proof(token).With("htu", DPoPTestSupport.Origin + "/dpop/data").Build(),
            "htu other host" => key.Proof(token).With("htu", "http://evil.example/dpop/private").Build(),
            "htu https" => key.Proof(token).With("htu", "https://localhost/dpop/private").Build(),
            "htu relative" => key.Proof(token).With("htu", "/dpop/private").Build(),
            "htu path case" => key.Proof(token).With("htu", DPoPTestSupport.Origin + "/DPoP/private").Build(),
            "iat 301 s old" => key.Proof(token).With("iat", DateTimeOffset.UtcNow.AddSeconds(-301).ToUnixTimeSeconds()).Build(),
            "iat 31 s ahead" => key.Proof(token).With("iat", DateTimeOffset.UtcNow.AddSeconds(32).ToUnixTimeSeconds()).Build(),
            "iat missing" => key.Proof(token).Without("iat").Build(),
            "iat string" => key.Proof(token).With("iat", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)).Build(),
            "jti missing" => key.Proof(token).Without("jti").Build(),
            "jti empty" => key.Proof(token).With("jti", string.Empty).Build(),
            "jti too long" => key.Proof(token).With("jti", new string('j', 257)).Build(),
            "ath missing" => key.Proof(token).Without("ath").Build(),
            "ath of another token" => key.Proof(Issuer.BoundToken(key).With("sub", "other").Build()).Build(),
            "crit header" => key.Proof(token).Header("crit", new Dictionary<string, object?>()).Build(),
            "duplicate alg member" => Base64Url.Encode("{\"typ\":\"dpop+jwt\",\"alg\":\"ES256\",\"alg\":\"ES256\"," + JwkJson(key) + "}") + "." + parts[1] + "." + parts[2],
            "two segments" => parts[0] + "." + parts[1],
            "four segments" => valid + ".x",
            "not base64url" => parts[0] + ".!!!." + parts[2],
            "header not JSON" => Base64Url.Encode("{not json") + "." + parts[1] + "." + parts[2],
            "payload an array" => parts[0] + "." + Base64Url.Encode("[1,2]") + "." + parts[2],
            "too large" => key.Proof(token).With("pad", new string('p', 9000)).Build(),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        await DPoPTestSupport.InvalidProof(await Client.SendAsync("/dpop/private", token, "DPoP", proof), description);

        // The same token with a valid proof still passes: the refusal was about the proof.
        await ResponseAssert.Ok(await Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).Build()));
    }

    [Theory]
    [InlineData("http://localhost/dpop/private?x=1")]
    [InlineData("http://localhost/dpop/private#frag")]
    [InlineData("HTTP://LOCALHOST/dpop/private")]
    [InlineData("http://localhost:80/dpop/private")]
    [InlineData("http://localhost/dpop/%70rivate")]
    public async Task Htu_ignores_query_and_fragment_and_is_compared_after_normalisation(string htu)
    {
        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();
        await ResponseAssert.Ok(await Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).With("htu", htu).Build()));
    }

    [Fact]
    public async Task Htu_of_a_path_with_unreserved_characters_matches_in_either_spelling()
    {
        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();
        await ResponseAssert.Ok(await Client.SendAsync("/dpop/a~b", token, "DPoP", key.Proof(token, "/dpop/a~b").Build()));
        await ResponseAssert.Ok(await Client.SendAsync("/dpop/a~b", token, "DPoP", key.Proof(token, "/dpop/a%7eb").Build()));
    }

    [Fact]
    public async Task Iat_within_the_window_is_accepted()
    {
        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();
        await ResponseAssert.Ok(await Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).With("iat", DateTimeOffset.UtcNow.AddSeconds(-290).ToUnixTimeSeconds()).Build()));
        await ResponseAssert.Ok(await Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).With("iat", DateTimeOffset.UtcNow.AddSeconds(25).ToUnixTimeSeconds()).Build()));
    }

    [Fact]
    public async Task Require_dpop_refuses_bearer_and_accepts_a_proof()
    {
        using var key = TestDPoPKey.Create();
        var bearer = Issuer.Token().Build();
        var bound = Issuer.BoundToken(key).Build();
        foreach (var path in new[] { "/dpop/required", "/dpop/required-attribute" })
        {
            await DPoPTestSupport.DPoPError(
                await Client.SendAsync(path, bearer, "Bearer"),
                HttpStatusCode.Unauthorized, "invalid_token", "This endpoint requires a DPoP-bound access token and proof");
            await ResponseAssert.Ok(await Client.SendAsync(path, bound, "DPoP", key.Proof(bound, path).Build()));
        }
    }

    [Fact]
    public async Task Garbage_never_becomes_a_500()
    {
        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();
        var valid = key.Proof(token).Build();
        var parts = valid.Split('.');
        string[] proofs =
        [
            ".", "..", "a.b.c", "====.====.====", valid[..^10], parts[0] + "." + parts[1] + ".", "." + parts[1] + "." + parts[2],
            Base64Url.Encode("null") + "." + parts[1] + "." + parts[2],
            Base64Url.Encode("{\"typ\":\"dpop+jwt\",\"alg\":\"ES256\",\"jwk\":{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AA\",\"y\":\"AA\"}}") + "." + parts[1] + "." + parts[2],
            Base64Url.Encode("{\"typ\":\"dpop+jwt\",\"alg\":\"RS256\",\"jwk\":{\"kty\":\"RSA\",\"n\":\"" + new string('A', 400) + "\",\"e\":\"AQAB\"}}") + "." + parts[1] + "." + parts[2],
            Base64Url.Encode("{\"typ\":\"dpop+jwt\",\"alg\":\"ES256\",\"jwk\":[]}") + "." + parts[1] + "." + parts[2],
            Base64Url.Encode("{\"typ\":1,\"alg\":[],\"jwk\":{}}") + "." + parts[1] + "." + parts[2],
            new string('[', 4000),
        ];
        foreach (var proof in proofs)
        {
            var response = await Client.SendAsync("/dpop/private", token, "DPoP", proof);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{proof[..Math.Min(40, proof.Length)]}: {(int)response.StatusCode}");
            Assert.Contains("error=\"invalid_dpop_proof\"", DPoPTestSupport.Challenges(response).Single(), StringComparison.Ordinal);
        }
    }

    private static string JwkJson(TestDPoPKey key)
    {
        var jwk = key.Jwk();
        return "\"jwk\":{" + string.Join(',', jwk.Select(p => $"\"{p.Key}\":\"{p.Value}\"")) + "}";
    }

    private static string Rsa1024Proof(string token)
    {
        using var small = TestDPoPKey.Create("RS256", rsaBits: 1024);
        return small.Proof(token).Build();
    }
}
