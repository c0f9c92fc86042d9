using Auth0.Generated.DPoP;
using Microsoft.Extensions.Caching.Distributed;

namespace Auth0.Generated.Runtime.Tests.DPoP;

/// <summary>
/// The distributed replay store on a real Redis: two instances of the API sharing one Redis, as behind a load balancer.
/// </summary>
public sealed class DPoPRedisReplayTests : RedisIssuerTests
{

    private Task<TestApiHost> StartInstanceAsync(string instance) => DPoPTestSupport.StartAsync(Issuer, services: services =>
    {
        services.AddStackExchangeRedisCache(o =>
        {
            o.Configuration = Redis.Configuration;
            o.InstanceName = "auth0-dpop-tests:";
        });
        services.AddAuth0DPoPDistributedReplayStore();
        services.AddKeyedSingleton("instance", instance);
    });

    [Fact]
    public async Task A_proof_used_on_one_instance_is_refused_on_the_other()
    {
        await using var first = await StartInstanceAsync("a");
        await using var second = await StartInstanceAsync("b");
        Assert.IsType<DistributedCacheDPoPReplayStore>(first.Services.GetRequiredService<IDPoPReplayStore>());

        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();
        var proof = key.Proof(token).Build();
        await ResponseAssert.Ok(await first.Client.SendAsync("/dpop/private", token, "DPoP", proof));
        await DPoPTestSupport.InvalidProof(await second.Client.SendAsync("/dpop/private", token, "DPoP", proof), "DPoP proof was already used");
        await DPoPTestSupport.InvalidProof(await first.Client.SendAsync("/dpop/private", token, "DPoP", proof), "DPoP proof was already used");

        // Fresh proofs pass on either instance, and the other way round a replay is refused as well.
        var fresh = key.Proof(token).Build();
        await ResponseAssert.Ok(await second.Client.SendAsync("/dpop/private", token, "DPoP", fresh));
        await DPoPTestSupport.InvalidProof(await first.Client.SendAsync("/dpop/private", token, "DPoP", fresh), "DPoP proof was already used");
    }

    [Fact]
    public async Task Entries_expire_in_redis()
    {
        await using var api = await StartInstanceAsync("a");
        var store = api.Services.GetRequiredService<IDPoPReplayStore>();
        var cache = api.Services.GetRequiredService<IDistributedCache>();
        var key = Guid.NewGuid().ToString("N");
        Assert.True(await store.TryAddAsync(key, DateTimeOffset.UtcNow.AddSeconds(2), default));
        Assert.False(await store.TryAddAsync(key, DateTimeOffset.UtcNow.AddSeconds(2), default));
        Assert.NotNull(await cache.GetAsync(DistributedCacheDPoPReplayStore.KeyPrefix + key));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Null(await cache.GetAsync(DistributedCacheDPoPReplayStore.KeyPrefix + key));
        Assert.True(await store.TryAddAsync(key, DateTimeOffset.UtcNow.AddSeconds(30), default));
    }

    [Fact]
    public async Task An_unreachable_store_refuses_proofs_never_500()
    {
        await using var api = await StartInstanceAsync("a");
        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();
        await ResponseAssert.Ok(await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).Build()));
        await Redis.StopAsync();
        await DPoPTestSupport.InvalidProof(await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).Build()), "DPoP proof could not be checked for replay");
    }
}
