using System.Security.Cryptography;
using System.Text;
using Auth0.Generated.DPoP;
using Microsoft.IdentityModel.Tokens;

namespace Auth0.Generated.Runtime.Tests.DPoP;

/// <summary>
/// The cache of imported proof keys (<see cref="DPoPKeyCache"/>): a reused key is imported once and every check still
/// runs on its later proofs; keys of refused proofs are never kept; the cache is bounded; concurrent proofs by one
/// key never share an instance.
/// </summary>
public sealed class DPoPKeyCacheTests : IssuerTests
{
    private static DPoPKeyCache Keys(TestApiHost api)
        => api.Services.GetRequiredService<DPoPSchemeProvider>().Get(Auth0ApiDefaults.AuthenticationScheme)!.Validator.Keys;

    [Theory]
    [InlineData("ES256")]
    [InlineData("RS256")]
    [InlineData("PS384")]
    public async Task A_reused_key_is_imported_once_and_its_later_proofs_are_still_checked_in_full(string algorithm)
    {
        await using var api = await DPoPTestSupport.StartAsync(Issuer);
        var keys = Keys(api);
        using var key = TestDPoPKey.Create(algorithm);
        using var thief = TestDPoPKey.Create(algorithm);
        var token = Issuer.BoundToken(key).Build();
        await ResponseAssert.Ok(await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).Build()));
        Assert.Equal((1, 0L), (keys.Count, keys.Hits));

        // Each of these finds the key in the cache and is still refused by its own check.
        var used = key.Proof(token).Build();
        await ResponseAssert.Ok(await api.Client.SendAsync("/dpop/private", token, "DPoP", used));
        await DPoPTestSupport.InvalidProof(await api.Client.SendAsync("/dpop/private", token, "DPoP", used), "DPoP proof was already used");
        await DPoPTestSupport.InvalidProof(await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).Tampered().Build()), "DPoP proof signature verification failed");
        await DPoPTestSupport.InvalidProof(await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).SignedBy(thief).Build()), "DPoP proof signature verification failed");
        await DPoPTestSupport.InvalidProof(await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).With("htm", "POST").Build()), "DPoP proof \"htm\" does not match the request method");
        await DPoPTestSupport.InvalidProof(await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).With("htu", "http://localhost/other").Build()), "DPoP proof \"htu\" does not match the request URI");
        await DPoPTestSupport.InvalidProof(await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).With("iat", DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds()).Build()), "DPoP proof \"iat\" is missing or outside the acceptable window");
        await DPoPTestSupport.InvalidProof(await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).Without("ath").Build()), "DPoP proof \"ath\" does not match the access token");
        var other = Issuer.BoundToken(thief).Build();
        await DPoPTestSupport.DPoPError(
            await api.Client.SendAsync("/dpop/private", other, "DPoP", key.Proof(other).Build()),
            HttpStatusCode.Unauthorized, "invalid_token", "The DPoP proof key does not match the access token binding");
        if (algorithm[0] != 'E')
        {
            // The algorithm is checked against the cached key too: RS over a PS key's proof is another signature.
            var mismatch = algorithm[0] == 'R' ? "PS256" : "RS384";
            await DPoPTestSupport.InvalidProof(await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).Header("alg", mismatch).Build()), "DPoP proof signature verification failed");
        }
        else
        {
            await DPoPTestSupport.InvalidProof(await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).Header("alg", "ES384").Build()), "DPoP proof \"alg\" does not match its \"jwk\"");
        }

        Assert.Equal(1, keys.Count);
        Assert.True(keys.Hits >= 9, $"hits {keys.Hits}");
    }

    [Fact]
    public async Task Keys_of_refused_proofs_are_never_kept()
    {
        // An attacker with one stolen (or their own) token sends a fresh key with every request: nothing is cached.
        await using var api = await DPoPTestSupport.StartAsync(Issuer);
        var keys = Keys(api);
        using var victim = TestDPoPKey.Create();
        var token = Issuer.BoundToken(victim).Build();
        for (var i = 0; i < 12; i++)
        {
            using var fresh = TestDPoPKey.Create(i % 3 == 0 ? "PS256" : "ES256");
            await DPoPTestSupport.DPoPError(
                await api.Client.SendAsync("/dpop/private", token, "DPoP", fresh.Proof(token).Build()),
                HttpStatusCode.Unauthorized, "invalid_token", "The DPoP proof key does not match the access token binding");
            await DPoPTestSupport.InvalidProof(await api.Client.SendAsync("/dpop/private", token, "DPoP", fresh.Proof(token).Tampered().Build()), "DPoP proof signature verification failed");
        }

        Assert.Equal(0, keys.Count);

        // The same key text with another spelling of a member (the x coordinate's length prefix keeps ids apart) is another key.
        Assert.NotEqual(DPoPProofKey.EcId("P-256", "ab", "c"), DPoPProofKey.EcId("P-256", "a", "bc"));
        Assert.NotEqual(DPoPProofKey.RsaId("AQAB", "xyz"), DPoPProofKey.RsaId("AQABx", "yz"));
    }

    [Fact]
    public void The_cache_is_bounded_and_keeps_keys_in_use()
    {
        var cache = new DPoPKeyCache(capacity: 2);
        using var a = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var b = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var c = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var ka = Entry(a);
        var kb = Entry(b);
        var kc = Entry(c);
        cache.Add(ka);
        cache.Add(kb);
        Assert.Same(ka, cache.Find(ka.Id));         // a is used: it gets a second chance
        cache.Add(kc);
        Assert.Equal(2, cache.Count);
        Assert.Same(ka, cache.Find(ka.Id));
        Assert.Null(cache.Find(kb.Id));
        Assert.Same(kc, cache.Find(kc.Id));

        // An evicted key still verifies for a request that holds it (a fresh instance), and a second add of a held key keeps the first.
        var data = Encoding.ASCII.GetBytes("signing input");
        Assert.True(kb.Verify(data, b.SignData(data, HashAlgorithmName.SHA256), HashAlgorithmName.SHA256, null));
        Assert.False(kb.Verify(data, a.SignData(data, HashAlgorithmName.SHA256), HashAlgorithmName.SHA256, null));
        var again = Entry(c);
        cache.Add(again);
        Assert.Same(kc, cache.Find(kc.Id));
        Assert.Equal(2, cache.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DPoPKeyCache(0));
    }

    [Fact]
    public async Task Concurrent_proofs_by_one_key_all_verify()
    {
        await using var api = await DPoPTestSupport.StartAsync(Issuer);
        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();
        await ResponseAssert.Ok(await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).Build()));

        var proofs = Enumerable.Range(0, 64).Select(_ => key.Proof(token).Build()).ToArray();
        var responses = await Task.WhenAll(proofs.Select(proof => Task.Run(() => api.Client.SendAsync("/dpop/private", token, "DPoP", proof))));
        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(1, Keys(api).Count);
    }

    private static DPoPProofKey Entry(ECDsa key)
    {
        var p = key.ExportParameters(false);
        var x = Base64UrlEncoder.Encode(p.Q.X);
        var y = Base64UrlEncoder.Encode(p.Q.Y);
        return DPoPProofKey.ForEc(DPoPProofKey.EcId("P-256", x, y), DPoPProofValidator.Thumbprint([("crv", "P-256"), ("kty", "EC"), ("x", x), ("y", y)]), p);
    }
}
