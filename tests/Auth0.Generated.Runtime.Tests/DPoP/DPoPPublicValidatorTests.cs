using Auth0.Generated.DPoP;

namespace Auth0.Generated.Runtime.Tests.DPoP;

/// <summary>
/// <see cref="IAccessTokenValidator"/>'s DPoP form (proof, HTTP method, absolute URL), outside the HTTP pipeline: the
/// scheme's own proof validator (one implementation, one replay store), every refusal family.
/// </summary>
public sealed class DPoPPublicValidatorTests : IssuerTests
{
    private static readonly Uri Url = new("https://api.example.com/orders/42?page=1");

    private static AccessTokenValidationOptions Form(string? proof, string method = "GET", Uri? url = null)
        => new() { DPoPProof = proof, HttpMethod = method, HttpUrl = url ?? Url };

    private static TestDPoPProof ProofFor(TestDPoPKey key, string token, string method = "GET", string htu = "https://api.example.com/orders/42")
        => new(key, method, htu, token);

    [Theory]
    [InlineData("ES256")]
    [InlineData("PS256")]
    public async Task A_bound_token_with_a_valid_proof_is_valid(string algorithm)
    {
        await using var api = await DPoPTestSupport.StartAsync(Issuer);
        var validator = api.Services.GetRequiredService<IAccessTokenValidator>();
        using var key = TestDPoPKey.Create(algorithm);
        var token = Issuer.BoundToken(key).With("sub", "dpop-user").With("org_id", "acme").Build();

        var result = await validator.ValidateAsync(token, new AccessTokenValidationOptions
        {
            DPoPProof = ProofFor(key, token).Build(),
            HttpMethod = "GET",
            HttpUrl = Url,
            RequiredClaims = { "org_id" },
        });

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal("dpop-user", result.Token.Sub);
        Assert.Null(result.DPoPNonce); // nonces are not required here
    }

    [Fact]
    public async Task With_required_nonces_the_caller_gets_the_nonce_to_hand_to_its_client()
    {
        await using var api = await DPoPTestSupport.StartAsync(Issuer, o => o.DPoP.RequireNonce = true);
        var validator = api.Services.GetRequiredService<IAccessTokenValidator>();
        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();

        // A proof without a nonce: use_dpop_nonce, with the nonce its retry must carry.
        var first = await validator.ValidateAsync(token, Form(ProofFor(key, token).Build()));
        Assert.Equal("use_dpop_nonce", first.Failure?.Error);
        Assert.False(string.IsNullOrEmpty(first.DPoPNonce));

        // The retry with it passes (and gets the current nonce again), here and over HTTP: one nonce source.
        var retry = await validator.ValidateAsync(token, Form(ProofFor(key, token).With("nonce", first.DPoPNonce!).Build()));
        Assert.True(retry.IsValid, retry.ToString());
        Assert.Equal(first.DPoPNonce, retry.DPoPNonce);
        await ResponseAssert.Ok(await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).With("nonce", first.DPoPNonce!).Build()));

        // Any other failure of a DPoP-form call carries it too; a Bearer-form call has no proof and gets none.
        Assert.Equal(first.DPoPNonce, (await validator.ValidateAsync(token + "x", Form(ProofFor(key, token).Build()))).DPoPNonce);
        var bearer = await validator.ValidateAsync(Issuer.Token().Build());
        Assert.True(bearer.IsValid, bearer.ToString());
        Assert.Null(bearer.DPoPNonce);
    }

    [Fact]
    public async Task Each_refusal_family_gets_the_schemes_answer()
    {
        await using var api = await DPoPTestSupport.StartAsync(Issuer);
        var validator = api.Services.GetRequiredService<IAccessTokenValidator>();
        using var key = TestDPoPKey.Create();
        using var thief = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();

        async Task Refused(AccessTokenValidationOptions? options, string error, string description, string? forToken = null)
        {
            var result = await validator.ValidateAsync(forToken ?? token, options);
            Assert.False(result.IsValid);
            Assert.Equal((401, error, description), (result.Failure.StatusCode, result.Failure.Error, result.Failure.Description));
        }

        // No proof for a bound token: it is not a bearer token.
        await Refused(null, "invalid_token", "A DPoP-bound access token must be sent with the DPoP authorization scheme");
        await Refused(Form(null), "invalid_token", "A DPoP-bound access token must be sent with the DPoP authorization scheme");
        await Refused(Form(string.Empty), "invalid_dpop_proof", "Missing DPoP proof");

        // A proof by another key (the token was stolen), a proof for an unbound token.
        await Refused(Form(ProofFor(thief, token).Build()), "invalid_token", "The DPoP proof key does not match the access token binding");
        var unbound = Issuer.Token().Build();
        await Refused(Form(ProofFor(key, unbound).Build()), "invalid_token", "The access token is not bound to a DPoP key", unbound);

        // Wrong htm, wrong htu (another path, another host), a tampered signature, a proof of another token.
        await Refused(Form(ProofFor(key, token).Build(), method: "POST"), "invalid_dpop_proof", "DPoP proof \"htm\" does not match the request method");
        await Refused(Form(ProofFor(key, token, method: "get").Build()), "invalid_dpop_proof", "DPoP proof \"htm\" does not match the request method");
        await Refused(Form(ProofFor(key, token, htu: "https://api.example.com/orders/43").Build()), "invalid_dpop_proof", "DPoP proof \"htu\" does not match the request URI");
        await Refused(Form(ProofFor(key, token, htu: "https://evil.example/orders/42").Build()), "invalid_dpop_proof", "DPoP proof \"htu\" does not match the request URI");
        await Refused(Form(ProofFor(key, token).Build(), url: new Uri("ftp://api.example.com/orders/42")), "invalid_dpop_proof", "DPoP proof \"htu\" does not match the request URI");
        await Refused(Form(ProofFor(key, token).Tampered().Build()), "invalid_dpop_proof", "DPoP proof signature verification failed");
        await Refused(Form(ProofFor(key, Issuer.BoundToken(key).With("sub", "other").Build()).Build()), "invalid_dpop_proof", "DPoP proof \"ath\" does not match the access token");
        await Refused(Form("not.a.proof"), "invalid_dpop_proof", "DPoP proof is not a compact JWS");

        // Replay: the same proof twice.
        var proof = ProofFor(key, token).Build();
        Assert.True((await validator.ValidateAsync(token, Form(proof))).IsValid);
        await Refused(Form(proof), "invalid_dpop_proof", "DPoP proof was already used");

        // The validator did every one of these on the token cache's entry: the proof is checked on every call.
        Assert.True((await validator.ValidateAsync(token, Form(ProofFor(key, token).Build()))).IsValid);
    }

    [Fact]
    public async Task It_shares_the_schemes_replay_store_and_key_cache()
    {
        await using var api = await DPoPTestSupport.StartAsync(Issuer);
        var validator = api.Services.GetRequiredService<IAccessTokenValidator>();
        var keys = api.Services.GetRequiredService<DPoPSchemeProvider>().Get(Auth0ApiDefaults.AuthenticationScheme)!.Validator.Keys;
        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();

        // A proof used over HTTP is refused here (the same store), and the other way round.
        var proof = key.Proof(token).Build();
        await ResponseAssert.Ok(await api.Client.SendAsync("/dpop/private", token, "DPoP", proof));
        var replayed = await validator.ValidateAsync(token, Form(proof, url: new Uri(DPoPTestSupport.Origin + "/dpop/private")));
        Assert.Equal("DPoP proof was already used", replayed.Failure?.Description);

        var fresh = key.Proof(token).Build();
        Assert.True((await validator.ValidateAsync(token, Form(fresh, url: new Uri(DPoPTestSupport.Origin + "/dpop/private")))).IsValid);
        await DPoPTestSupport.InvalidProof(await api.Client.SendAsync("/dpop/private", token, "DPoP", fresh), "DPoP proof was already used");

        // One key, imported once for both.
        Assert.Equal(1, keys.Count);
        Assert.True(keys.Hits >= 2, $"hits {keys.Hits}");
    }

    [Fact]
    public async Task Required_mode_refuses_the_bearer_form_and_disabled_mode_refuses_the_dpop_form()
    {
        using var key = TestDPoPKey.Create();
        var bound = Issuer.BoundToken(key).Build();
        var unbound = Issuer.Token().Build();

        await using (var required = await DPoPTestSupport.StartAsync(Issuer, o => o.DPoP.Mode = DPoPMode.Required))
        {
            var validator = required.Services.GetRequiredService<IAccessTokenValidator>();
            var bearer = await validator.ValidateAsync(unbound);
            Assert.Equal(("invalid_token", "The DPoP authorization scheme is required"), (bearer.Failure?.Error, bearer.Failure?.Description));
            Assert.True((await validator.ValidateAsync(bound, Form(ProofFor(key, bound).Build()))).IsValid);
        }

        await using (var disabled = await DPoPTestSupport.StartAsync(Issuer, o => o.DPoP.Mode = DPoPMode.Disabled))
        {
            var validator = disabled.Services.GetRequiredService<IAccessTokenValidator>();
            var dpop = await validator.ValidateAsync(bound, Form(ProofFor(key, bound).Build()));
            Assert.Equal((400, "invalid_request", "DPoP is not enabled for this API"), (dpop.Failure?.StatusCode, dpop.Failure?.Error, dpop.Failure?.Description));

            // Disabled: cnf is not looked at, the token is a bearer token.
            Assert.True((await validator.ValidateAsync(bound)).IsValid);
        }
    }

    [Fact]
    public async Task A_proof_without_method_or_url_is_a_programming_error()
    {
        await using var api = await DPoPTestSupport.StartAsync(Issuer);
        var validator = api.Services.GetRequiredService<IAccessTokenValidator>();
        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();
        var proof = ProofFor(key, token).Build();
        await Assert.ThrowsAsync<ArgumentException>(async () => await validator.ValidateAsync(token, new AccessTokenValidationOptions { DPoPProof = proof, HttpUrl = Url }));
        await Assert.ThrowsAsync<ArgumentException>(async () => await validator.ValidateAsync(token, new AccessTokenValidationOptions { DPoPProof = proof, HttpMethod = "GET" }));
    }
}
