using System.Buffers.Binary;
using Auth0.Generated.DPoP;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Auth0.Generated.Runtime.Tests.DPoP;

/// <summary>
/// The default, in-memory replay store: its size from <c>Auth0:DPoP:ReplayCacheSize</c>, what an entry costs, and how
/// long a proof is remembered (from its own <c>iat</c>).
/// </summary>
public sealed class InMemoryReplayStoreTests : IssuerTests
{
    private const string StoreCategory = "Auth0.Generated.DPoP.InMemoryDPoPReplayStore";
    private readonly ITestOutputHelper _output;

    public InMemoryReplayStoreTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task The_default_store_holds_a_million_proofs()
    {
        await using var api = await DPoPTestSupport.StartAsync(Issuer);
        var store = Assert.IsType<InMemoryDPoPReplayStore>(api.Services.GetRequiredService<IDPoPReplayStore>());
        Assert.Equal(1_000_000, store.Capacity);
        Assert.Equal(1_000_000, new DPoPOptions().ReplayCacheSize);
    }

    [Fact]
    public async Task ReplayCacheSize_bounds_the_store_and_a_full_store_refuses_new_proofs_but_still_knows_replays()
    {
        await using var api = await TestApiHost.StartAsync(Issuer, DPoPTestSupport.Map, configuration: new Dictionary<string, string?> { ["Auth0:DPoP:ReplayCacheSize"] = "3" });
        var store = Assert.IsType<InMemoryDPoPReplayStore>(api.Services.GetRequiredService<IDPoPReplayStore>());
        Assert.Equal(3, store.Capacity);

        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();
        var first = key.Proof(token).Build();
        await ResponseAssert.Ok(await api.Client.SendAsync("/dpop/private", token, "DPoP", first));
        await ResponseAssert.Ok(await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).Build()));
        await ResponseAssert.Ok(await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).Build()));
        Assert.Equal(3, store.Count);

        await DPoPTestSupport.InvalidProof(await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).Build()), "DPoP proof could not be checked for replay");
        await DPoPTestSupport.InvalidProof(await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).Build()), "DPoP proof could not be checked for replay");
        await DPoPTestSupport.InvalidProof(await api.Client.SendAsync("/dpop/private", token, "DPoP", first), "DPoP proof was already used");
        Assert.Equal(3, store.Count);

        // One warning for the operator when the store fills up, not one per refused proof.
        var warning = Assert.Single(api.Logs, l => l.Category == StoreCategory);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("Auth0:DPoP:ReplayCacheSize", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("10000001")]
    public async Task A_bad_ReplayCacheSize_fails_at_startup(string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApiHost.StartAsync(Issuer, DPoPTestSupport.Map, configuration: new Dictionary<string, string?> { ["Auth0:DPoP:ReplayCacheSize"] = value }));
        Assert.Contains(error.Failures, f => f.StartsWith($"Auth0:DPoP:ReplayCacheSize must be between 1 and 10000000 (it is {value})", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_ReplayCacheSize_that_is_not_a_number_fails_at_startup()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestApiHost.StartAsync(Issuer, DPoPTestSupport.Map, configuration: new Dictionary<string, string?> { ["Auth0:DPoP:ReplayCacheSize"] = "lots" }));
        Assert.Contains("Configuration value 'Auth0:DPoP:ReplayCacheSize' must be a whole number, not 'lots'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_proof_is_remembered_from_its_own_iat_not_from_when_it_was_used()
    {
        // Defaults: IatOffset 300 s, IatLeeway 30 s. A proof made 200 s ago can pass for 100 s more; it is remembered
        // 100 + 30 (leeway, for instances whose clock runs behind) + 1 s. A fresh proof is remembered 331 s.
        var time = new ManualTimeProvider();
        await using var api = await DPoPTestSupport.StartAsync(Issuer, o => o.TimeProvider = time);
        var store = Assert.IsType<InMemoryDPoPReplayStore>(api.Services.GetRequiredService<IDPoPReplayStore>());
        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var old = key.Proof(token).With("iat", now - 200).Build();
        var fresh = key.Proof(token).With("iat", now).Build();
        var ahead = key.Proof(token).With("iat", now + 20).Build();
        await ResponseAssert.Ok(await api.Client.SendAsync("/dpop/private", token, "DPoP", old));
        await ResponseAssert.Ok(await api.Client.SendAsync("/dpop/private", token, "DPoP", fresh));
        await ResponseAssert.Ok(await api.Client.SendAsync("/dpop/private", token, "DPoP", ahead));
        Assert.Equal(3, store.Count);

        // 60 s later the old proof is still refused as a replay.
        time.Advance(TimeSpan.FromSeconds(60));
        await DPoPTestSupport.InvalidProof(await api.Client.SendAsync("/dpop/private", token, "DPoP", old), "DPoP proof was already used");

        // 132 s after use the old proof cannot pass the iat check any more, and the store has let it go (entries
        // leave on the next add: the replay of the fresh proof); the fresh one and the one from the future are held.
        time.Advance(TimeSpan.FromSeconds(72));
        await DPoPTestSupport.InvalidProof(await api.Client.SendAsync("/dpop/private", token, "DPoP", old), "DPoP proof \"iat\" is missing or outside the acceptable window");
        await DPoPTestSupport.InvalidProof(await api.Client.SendAsync("/dpop/private", token, "DPoP", fresh), "DPoP proof was already used");
        Assert.Equal(2, store.Count);

        // Both leave by 332 s after use: the one from the future is remembered from now, not from its iat.
        time.Advance(TimeSpan.FromSeconds(200));
        Assert.True(await store.TryAddAsync("tick", time.GetUtcNow().AddSeconds(1), default));
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public async Task A_store_that_stays_full_warns_at_most_once_a_minute()
    {
        var time = new ManualTimeProvider();
        using var logs = new CaptureLoggerProvider();
        var store = new InMemoryDPoPReplayStore(time, capacity: 2, logs.CreateLogger("store"));
        Assert.True(await store.TryAddAsync("a", time.GetUtcNow().AddSeconds(30), default));
        Assert.True(await store.TryAddAsync("b", time.GetUtcNow().AddMinutes(10), default));
        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.TryAddAsync("refused" + i, time.GetUtcNow().AddMinutes(10), default));
        }

        // "a" expires: one slot frees up, is taken, and the store is full again: no new warning within the minute.
        time.Advance(TimeSpan.FromSeconds(31));
        Assert.True(await store.TryAddAsync("c", time.GetUtcNow().AddMinutes(10), default));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.TryAddAsync("d", time.GetUtcNow().AddMinutes(10), default));
        Assert.Single(logs.Snapshot());

        time.Advance(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.TryAddAsync("e", time.GetUtcNow().AddMinutes(10), default));
        Assert.Equal(2, logs.Snapshot().Count);
        Assert.All(logs.Snapshot(), l => Assert.Equal(LogLevel.Warning, l.Level));
    }

    [Fact]
    public async Task Keys_of_any_shape_are_told_apart()
    {
        var time = new ManualTimeProvider();
        var store = new InMemoryDPoPReplayStore(time, capacity: 10);
        var expires = time.GetUtcNow().AddMinutes(5);
        var sha = Base64Url.Encode(new byte[32]);
        var shaOther = Base64Url.Encode([1, .. new byte[31]]);
        foreach (var key in new[] { "a", "b", sha, shaOther, sha[..42] + "!", string.Empty })
        {
            Assert.True(await store.TryAddAsync(key, expires, default), key);
            Assert.False(await store.TryAddAsync(key, expires, default), key);
        }

        Assert.Equal(6, store.Count);
    }

    [Fact]
    public void A_million_entries_cost_under_150_bytes_each_to_build()
    {
        const int count = 1_000_000;
        var time = new ManualTimeProvider();
        var expires = time.GetUtcNow().AddMinutes(5);

        // The keys (43-character strings, as the validator makes them) are allocated in both loops and cancel out.
        var start = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < count; i++)
        {
            GC.KeepAlive(Key(i));
        }

        var keysOnly = GC.GetAllocatedBytesForCurrentThread() - start;

        var retainedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var store = new InMemoryDPoPReplayStore(time, count);
        start = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < count; i++)
        {
            Assert.True(AddNow(store, Key(i), expires));
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - start - keysOnly;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - retainedBefore;
        Assert.Equal(count, store.Count);
        Assert.False(AddNow(store, Key(count - 1), expires));
        GC.KeepAlive(store);

        var allocatedPerEntry = (double)allocated / count;
        _output.WriteLine($"{count:N0} entries: allocated {allocated / 1048576.0:F1} MB while filling ({allocatedPerEntry:F1} B/entry, growth copies included); retained about {retained / 1048576.0:F1} MB ({(double)retained / count:F1} B/entry; other tests running at once blur this one)");

        // About 126 bytes measured: the set's and the queue's arrays as they double (the final ones hold about 63 bytes
        // an entry). A string per entry (112 bytes on its own, plus the same arrays with wider slots) cannot fit.
        Assert.InRange(allocatedPerEntry, 40, 150);
    }

    /// <summary>The store answers synchronously: no await, so every byte it allocates is counted on this thread.</summary>
    private static bool AddNow(InMemoryDPoPReplayStore store, string key, DateTimeOffset expires)
    {
        var pending = store.TryAddAsync(key, expires, default);
        return pending.IsCompletedSuccessfully ? pending.Result : throw new InvalidOperationException("The in-memory store completed asynchronously.");
    }

    private static string Key(int i)
    {
        Span<byte> bytes = stackalloc byte[32];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)i * 0x9E3779B97F4A7C15UL);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[8..], i);
        return Base64Url.Encode(bytes);
    }
}
