using Auth0.Generated.DPoP;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Auth0.Generated.Runtime.Tests.DPoP;

/// <summary>Modes, options (algorithms, windows, public base URL, forwarded headers, nonces), the client handler and the token cache.</summary>
public sealed class DPoPModeTests : IssuerTests
{
    [Fact]
    public async Task Required_mode_refuses_bearer_and_advertises_only_dpop()
    {
        await using var api = await DPoPTestSupport.StartAsync(Issuer, o => o.DPoP.Mode = DPoPMode.Required);
        var bearer = Issuer.Token().Build();
        await DPoPTestSupport.DPoPError(
            await api.Client.SendAsync("/dpop/private", bearer, "Bearer"),
            HttpStatusCode.Unauthorized, "invalid_token", "The DPoP authorization scheme is required");

        var bare = await api.Client.SendAsync("/dpop/private", null, "DPoP");
        Assert.Equal(HttpStatusCode.Unauthorized, bare.StatusCode);
        Assert.Equal([$"DPoP algs=\"{ResponseAssert.DefaultDPoPAlgs}\""], DPoPTestSupport.Challenges(bare));

        using var key = TestDPoPKey.Create();
        var bound = Issuer.BoundToken(key).Build();
        await ResponseAssert.Ok(await api.Client.SendAsync("/dpop/private", bound, "DPoP", key.Proof(bound).Build()));
    }

    [Fact]
    public async Task Disabled_mode_is_plain_bearer()
    {
        await using var api = await DPoPTestSupport.StartAsync(Issuer, o => o.DPoP.Mode = DPoPMode.Disabled);
        using var key = TestDPoPKey.Create();
        var bound = Issuer.BoundToken(key).Build();
        await ResponseAssert.BareChallenge(await api.Client.SendAsync("/dpop/private", bound, "DPoP", key.Proof(bound).Build()), dpopDisabled: true);
        await ResponseAssert.BareChallenge(await api.Client.SendAsync("/dpop/private", null, "Bearer"), dpopDisabled: true);

        // cnf is not looked at: the token is a bearer token, as before RFC 9449.
        await ResponseAssert.Ok(await api.Client.SendAsync("/dpop/private", bound, "Bearer"));

        // RequireDPoP cannot hold when DPoP is off.
        await ResponseAssert.Error(await api.Client.SendAsync("/dpop/required", bound, "Bearer"), HttpStatusCode.Unauthorized, "invalid_token", "This endpoint requires a DPoP-bound access token and proof");
    }

    [Fact]
    public async Task The_algorithm_allow_list_is_enforced_and_advertised()
    {
        await using var api = await DPoPTestSupport.StartAsync(Issuer, o =>
        {
            o.DPoP.Algorithms.Clear();
            o.DPoP.Algorithms.Add("ES256");
        });
        using var es = TestDPoPKey.Create("ES256");
        using var ps = TestDPoPKey.Create("PS256");
        var esToken = Issuer.BoundToken(es).Build();
        var psToken = Issuer.BoundToken(ps).Build();
        await ResponseAssert.Ok(await api.Client.SendAsync("/dpop/private", esToken, "DPoP", es.Proof(esToken).Build()));
        await DPoPTestSupport.InvalidProof(await api.Client.SendAsync("/dpop/private", psToken, "DPoP", ps.Proof(psToken).Build()), "DPoP proof \"alg\" is not allowed", algs: "ES256");
        Assert.Equal(["Bearer", "DPoP algs=\"ES256\""], DPoPTestSupport.Challenges(await api.Client.SendAsync("/dpop/private", null, "Bearer")));
    }

    [Fact]
    public async Task The_iat_window_is_configurable()
    {
        await using var api = await DPoPTestSupport.StartAsync(Issuer, o =>
        {
            o.DPoP.IatOffset = TimeSpan.FromSeconds(20);
            o.DPoP.IatLeeway = TimeSpan.Zero;
        });
        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();
        const string Description = "DPoP proof \"iat\" is missing or outside the acceptable window";
        await DPoPTestSupport.InvalidProof(await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).With("iat", DateTimeOffset.UtcNow.AddSeconds(-60).ToUnixTimeSeconds()).Build()), Description);
        await DPoPTestSupport.InvalidProof(await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).With("iat", DateTimeOffset.UtcNow.AddSeconds(10).ToUnixTimeSeconds()).Build()), Description);
        await ResponseAssert.Ok(await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).With("iat", DateTimeOffset.UtcNow.AddSeconds(-10).ToUnixTimeSeconds()).Build()));
    }

    [Fact]
    public async Task Htu_follows_the_forwarded_headers_middleware()
    {
        await using var api = await DPoPTestSupport.StartAsync(Issuer, services: services =>
        {
            services.Configure<ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
                o.KnownIPNetworks.Clear();
                o.KnownProxies.Clear();
            });
            services.AddSingleton<IStartupFilter, ForwardedHeadersFirst>();
        });
        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();
        async Task<System.Net.Http.HttpResponseMessage> Send(string htu)
        {
            using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Get, "/dpop/private");
            request.Headers.TryAddWithoutValidation("Authorization", "DPoP " + token);
            request.Headers.TryAddWithoutValidation("DPoP", new TestDPoPProof(key, "GET", htu, token).Build());
            request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
            request.Headers.TryAddWithoutValidation("X-Forwarded-Host", "api.example.com");
            return await api.Client.SendAsync(request);
        }

        await ResponseAssert.Ok(await Send("https://api.example.com/dpop/private"));
        await ResponseAssert.Ok(await Send("https://API.example.com:443/dpop/private"));
        await DPoPTestSupport.InvalidProof(await Send("http://localhost/dpop/private"), "DPoP proof \"htu\" does not match the request URI");
    }

    [Fact]
    public async Task Htu_follows_the_public_base_url_option()
    {
        await using var api = await DPoPTestSupport.StartAsync(Issuer, o => o.DPoP.PublicBaseUrl = "https://api.example.com/orders/");
        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();
        await ResponseAssert.Ok(await api.Client.SendAsync("/dpop/private", token, "DPoP", new TestDPoPProof(key, "GET", "https://api.example.com/orders/dpop/private", token).Build()));
        await DPoPTestSupport.InvalidProof(
            await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).Build()),
            "DPoP proof \"htu\" does not match the request URI");
    }

    [Fact]
    public async Task Nonces_are_demanded_issued_and_checked()
    {
        await using var api = await DPoPTestSupport.StartAsync(Issuer, o => o.DPoP.RequireNonce = true);
        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();

        var first = await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).Build());
        await DPoPTestSupport.DPoPError(first, HttpStatusCode.Unauthorized, "use_dpop_nonce", "Resource server requires nonce in DPoP proof");
        var nonce = Assert.Single(first.Headers.GetValues("DPoP-Nonce"));

        await DPoPTestSupport.DPoPError(
            await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).With("nonce", "not-our-nonce").Build()),
            HttpStatusCode.Unauthorized, "use_dpop_nonce", "Resource server requires nonce in DPoP proof");

        var ok = await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).With("nonce", nonce).Build());
        await ResponseAssert.Ok(ok);
        Assert.Equal(nonce, Assert.Single(ok.Headers.GetValues("DPoP-Nonce")));

        // A nonce made with another secret is refused.
        await using var otherApi = await DPoPTestSupport.StartAsync(Issuer, o => o.DPoP.RequireNonce = true);
        var otherNonce = Assert.Single((await otherApi.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).Build())).Headers.GetValues("DPoP-Nonce"));
        Assert.NotEqual(nonce, otherNonce);
        await DPoPTestSupport.DPoPError(
            await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).With("nonce", otherNonce).Build()),
            HttpStatusCode.Unauthorized, "use_dpop_nonce");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_client_handler_signs_proofs_and_follows_nonces(bool requireNonce)
    {
        await using var api = await DPoPTestSupport.StartAsync(Issuer, o => o.DPoP.RequireNonce = requireNonce);
        using var key = DPoPKey.CreateES256();
        using var client = api.CreateClient(new DPoPProofHandler(key));
        var token = Issuer.Token().With("cnf", System.Text.Json.JsonDocument.Parse("{\"jkt\":\"" + key.Thumbprint + "\"}").RootElement).With("sub", "client").Build();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("DPoP", token);
        for (var i = 0; i < 3; i++)
        {
            var response = await client.GetAsync(new Uri("/dpop/required?page=" + i, UriKind.Relative));
            await ResponseAssert.Ok(response);
        }

        var post = await client.PostAsync(new Uri("/dpop/private", UriKind.Relative), new System.Net.Http.StringContent("body"));
        await ResponseAssert.Ok(post);
        Assert.Equal("posted", await post.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_client_key_thumbprint_is_rfc7638_and_matches_identitymodel()
    {
        // RFC 7638 section 3.1.
        const string N = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
        Assert.Equal("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", DPoPProofValidator.Thumbprint([("e", "AQAB"), ("kty", "RSA"), ("n", N)]));

        using var ec = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP384);
        using var key = DPoPKey.FromECDsa(ec);
        var jwk = Microsoft.IdentityModel.Tokens.JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new Microsoft.IdentityModel.Tokens.ECDsaSecurityKey(ec));
        Assert.Equal(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint()), key.Thumbprint);
        Assert.Equal("ES384", key.Algorithm);
    }

    [Fact]
    public async Task The_token_cache_never_lets_a_bound_token_skip_its_proof()
    {
        await using var api = await DPoPTestSupport.StartAsync(Issuer);
        var validator = api.Services.GetRequiredService<Auth0.Generated.Authentication.Auth0ValidatorProvider>().Get();
        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();
        var proof = key.Proof(token).Build();
        await ResponseAssert.Ok(await api.Client.SendAsync("/dpop/private", token, "DPoP", proof));
        var full = validator.FullValidations;
        var hits = validator.Cache!.Hits;

        // Each of these finds the token in the cache (no new full validation) and is still refused.
        await DPoPTestSupport.InvalidProof(await api.Client.SendAsync("/dpop/private", token, "DPoP", proof), "DPoP proof was already used");
        await DPoPTestSupport.InvalidProof(await api.Client.SendAsync("/dpop/private", token, "DPoP"), "Missing DPoP proof");
        await DPoPTestSupport.InvalidProof(await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).With("htm", "POST").Build()), "DPoP proof \"htm\" does not match the request method");
        using var thief = TestDPoPKey.Create();
        await DPoPTestSupport.DPoPError(await api.Client.SendAsync("/dpop/private", token, "DPoP", thief.Proof(token).Build()), HttpStatusCode.Unauthorized, "invalid_token", "The DPoP proof key does not match the access token binding");
        await ResponseAssert.Error(await api.Client.SendAsync("/dpop/private", token, "Bearer"), HttpStatusCode.Unauthorized, "invalid_token", "A DPoP-bound access token must be sent with the DPoP authorization scheme");
        await ResponseAssert.Ok(await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).Build()));

        Assert.Equal(full, validator.FullValidations);
        Assert.Equal(hits + 6, validator.Cache.Hits);
    }

    [Theory]
    [InlineData("Auth0:DPoP:Algorithms", "HS256", "Auth0:DPoP:Algorithms contains 'HS256'")]
    [InlineData("Auth0:DPoP:Algorithms", "none", "Auth0:DPoP:Algorithms contains 'none'")]
    [InlineData("Auth0:DPoP:IatOffset", "0", "Auth0:DPoP:IatOffset must be positive")]
    [InlineData("Auth0:DPoP:PublicBaseUrl", "api.example.com", "Auth0:DPoP:PublicBaseUrl 'api.example.com' must be an absolute http(s) URL")]
    public async Task Bad_options_fail_at_startup(string key, string value, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApiHost.StartAsync(Issuer, DPoPTestSupport.Map, configuration: new Dictionary<string, string?> { [key] = value }));
        Assert.Contains(error.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Options_bind_from_configuration()
    {
        await using var api = await TestApiHost.StartAsync(Issuer, DPoPTestSupport.Map, configuration: new Dictionary<string, string?>
        {
            ["Auth0:DPoP:Mode"] = "required",
            ["Auth0:DPoP:Algorithms"] = "ES256 PS256",
            ["Auth0:DPoP:IatOffset"] = "60",
            ["Auth0:DPoP:IatLeeway"] = "00:00:02",
            ["Auth0:DPoP:PublicBaseUrl"] = "https://api.example.com",
            ["Auth0:DPoP:RequireNonce"] = "true",
            ["Auth0:DPoP:NonceSecret"] = Convert.ToBase64String(new byte[32]),
        });
        var options = api.Services.GetRequiredService<IOptionsMonitor<Auth0ApiOptions>>().Get(Auth0ApiDefaults.AuthenticationScheme).DPoP;
        Assert.Equal(DPoPMode.Required, options.Mode);
        Assert.Equal(["ES256", "PS256"], options.Algorithms);
        Assert.Equal(TimeSpan.FromSeconds(60), options.IatOffset);
        Assert.Equal(TimeSpan.FromSeconds(2), options.IatLeeway);
        Assert.Equal("https://api.example.com", options.PublicBaseUrl);
        Assert.True(options.RequireNonce);
        Assert.Equal(new byte[32], options.NonceSecret);
        Assert.Equal(["DPoP algs=\"ES256 PS256\""], DPoPTestSupport.Challenges(await api.Client.SendAsync("/dpop/private", null, "Bearer")));
    }

    [Fact]
    public async Task The_in_memory_store_is_bounded_and_forgets_expired_proofs()
    {
        var time = new ManualTimeProvider();
        var store = new InMemoryDPoPReplayStore(time, capacity: 2);
        var expires = time.GetUtcNow().AddMinutes(5);
        Assert.True(await store.TryAddAsync("a", expires, default));
        Assert.False(await store.TryAddAsync("a", expires, default));
        Assert.True(await store.TryAddAsync("b", expires, default));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.TryAddAsync("c", expires, default));
        time.Advance(TimeSpan.FromMinutes(6));
        Assert.True(await store.TryAddAsync("c", time.GetUtcNow().AddMinutes(5), default));
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public async Task A_full_replay_store_refuses_proofs_instead_of_forgetting()
    {
        await using var api = await DPoPTestSupport.StartAsync(Issuer, services: s => s.AddSingleton<IDPoPReplayStore>(new InMemoryDPoPReplayStore(TimeProvider.System, capacity: 1)));
        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();
        await ResponseAssert.Ok(await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).Build()));
        await DPoPTestSupport.InvalidProof(await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).Build()), "DPoP proof could not be checked for replay");
    }

    private sealed class ForwardedHeadersFirst : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseForwardedHeaders();
            next(app);
        };
    }
}
