using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Auth0.Generated.DPoP;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Auth0.Generated.Runtime.Tests.DPoP;

/// <summary>
/// <see cref="RedisDPoPReplayStore"/> on a real redis-server (one per test): strict once-only acceptance across
/// instances under concurrency, lifetimes in Redis, failing closed within its timeout, startup validation.
/// </summary>
public sealed class RedisReplayStoreTests : RedisIssuerTests
{
    private const string StoreCategory = "Auth0.Generated.DPoP.RedisDPoPReplayStore";
    private const string AlreadyUsed = "DPoP proof was already used";
    private const string Unchecked = "DPoP proof could not be checked for replay";
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);
    private readonly ITestOutputHelper _output;

    public RedisReplayStoreTests(ITestOutputHelper output) => _output = output;

    /// <summary>
    /// Commands may wait 10 s in StackExchange.Redis: only the store's own timeout can end them sooner, and a loaded
    /// machine does not make the client give up on its own.
    /// </summary>
    private string PatientConfiguration(string name) => $"127.0.0.1:{Redis.Port},connectTimeout=2000,syncTimeout=10000,asyncTimeout=10000,abortConnect=false,name={name}";

    /// <summary>A fresh proof of <paramref name="token"/> is refused as unchecked (the store gave no answer) in less than <paramref name="limit"/>.</summary>
    private async Task RefusedUncheckedWithin(TimeSpan limit, TestApiHost api, TestDPoPKey key, string token, string context = "")
    {
        var watch = Stopwatch.StartNew();
        var response = await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).Build());
        watch.Stop();
        _output.WriteLine($"refused in {watch.ElapsedMilliseconds} ms{context}");
        await DPoPTestSupport.InvalidProof(response, Unchecked);
        Assert.True(watch.Elapsed < limit, $"took {watch.Elapsed}");
    }

    /// <summary>
    /// An API on the Redis store. Tests that are not about the timeout get 10 s, not the default 1 s: on a loaded CI
    /// machine a second can pass without Redis being at fault, and the proof would (rightly) be refused.
    /// </summary>
    private Task<TestApiHost> StartAsync(Action<RedisDPoPReplayStoreOptions> configure, Action<Auth0ApiOptions>? options = null, Action<IServiceCollection>? services = null)
        => DPoPTestSupport.StartAsync(Issuer, options, s =>
        {
            services?.Invoke(s);
            s.AddAuth0DPoPRedisReplayStore(o =>
            {
                o.Timeout = Generous;
                configure(o);
            });
        });

    [Fact]
    public async Task The_same_proof_sent_50_times_at_once_to_two_instances_is_accepted_exactly_once()
    {
        await using var first = await StartAsync(o => o.Configuration = PatientConfiguration("first"));
        await using var second = await StartAsync(o => o.Configuration = PatientConfiguration("second"));
        Assert.IsType<RedisDPoPReplayStore>(first.Services.GetRequiredService<IDPoPReplayStore>());
        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();

        // Warm both instances up (keys, connection) so the copies race in the store, not in start-up.
        await ResponseAssert.Ok(await first.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).Build()));
        await ResponseAssert.Ok(await second.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).Build()));

        for (var round = 0; round < 5; round++)
        {
            var proof = key.Proof(token).Build();
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var sends = Enumerable.Range(0, 50).Select(async i =>
            {
                await go.Task;
                return await (i % 2 == 0 ? first : second).Client.SendAsync("/dpop/private", token, "DPoP", proof);
            }).ToArray();
            go.SetResult();
            var responses = await Task.WhenAll(sends);

            var accepted = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
            Assert.Single(accepted);
            foreach (var response in responses.Except(accepted))
            {
                await DPoPTestSupport.InvalidProof(response, AlreadyUsed);
            }
        }
    }

    [Fact]
    public async Task Of_200_concurrent_adds_of_one_key_on_two_connections_exactly_one_wins()
    {
        using var a = new RedisDPoPReplayStore(new() { Configuration = PatientConfiguration("a"), Timeout = Generous });
        await using var shared = await ConnectionMultiplexer.ConnectAsync(PatientConfiguration("b"));
        using var b = new RedisDPoPReplayStore(new() { ConnectionMultiplexerFactory = () => Task.FromResult<IConnectionMultiplexer>(shared), Timeout = Generous });
        Assert.True(await a.TryAddAsync("warm-up-a", DateTimeOffset.UtcNow.AddMinutes(1), default));
        Assert.True(await b.TryAddAsync("warm-up-b", DateTimeOffset.UtcNow.AddMinutes(1), default));

        for (var round = 0; round < 20; round++)
        {
            var key = Guid.NewGuid().ToString("N");
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var adds = Enumerable.Range(0, 200).Select(async i =>
            {
                await go.Task;
                return await (i % 2 == 0 ? a : b).TryAddAsync(key, DateTimeOffset.UtcNow.AddMinutes(1), default);
            }).ToArray();
            go.SetResult();
            var results = await Task.WhenAll(adds);
            Assert.Equal(1, results.Count(added => added));
        }
    }

    [Fact]
    public async Task A_proof_lives_in_redis_from_its_iat_plus_the_window()
    {
        await using var api = await StartAsync(o => o.Configuration = PatientConfiguration("api"));
        await using var redis = await ConnectionMultiplexer.ConnectAsync(PatientConfiguration("observer"));
        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        // IatOffset 300 s + IatLeeway 30 s + 1 s, counted from iat when it is past, from now when it lies ahead.
        foreach (var (iat, expectedSeconds) in new[] { (now - 100, 231), (now, 331), (now + 20, 331) })
        {
            var jti = Guid.NewGuid().ToString("N");
            await ResponseAssert.Ok(await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).With("jti", jti).With("iat", iat).Build()));
            var ttl = await redis.GetDatabase().KeyTimeToLiveAsync(RedisDPoPReplayStoreOptions.DefaultKeyPrefix + ReplayKey(key.Thumbprint(), jti));
            Assert.NotNull(ttl);
            Assert.InRange(ttl.Value.TotalSeconds, expectedSeconds - 5, expectedSeconds + 1);
        }
    }

    [Fact]
    public async Task After_the_window_the_key_is_gone_and_the_replay_is_refused_for_its_iat()
    {
        await using var api = await StartAsync(o => o.Configuration = PatientConfiguration("api"), o => (o.DPoP.IatOffset, o.DPoP.IatLeeway) = (TimeSpan.FromSeconds(3), TimeSpan.Zero));
        await using var redis = await ConnectionMultiplexer.ConnectAsync(PatientConfiguration("observer"));
        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();
        await ResponseAssert.Ok(await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).Build()));

        var jti = Guid.NewGuid().ToString("N");
        var proof = key.Proof(token).With("jti", jti).Build();
        await ResponseAssert.Ok(await api.Client.SendAsync("/dpop/private", token, "DPoP", proof));
        await DPoPTestSupport.InvalidProof(await api.Client.SendAsync("/dpop/private", token, "DPoP", proof), AlreadyUsed);

        var redisKey = RedisDPoPReplayStoreOptions.DefaultKeyPrefix + ReplayKey(key.Thumbprint(), jti);
        var deadline = Stopwatch.StartNew();
        while (await redis.GetDatabase().KeyExistsAsync(redisKey))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), "the key outlived its lifetime (iat + 3 s + 1 s)");
            await Task.Delay(100);
        }

        await DPoPTestSupport.InvalidProof(await api.Client.SendAsync("/dpop/private", token, "DPoP", proof), "DPoP proof \"iat\" is missing or outside the acceptable window");
    }

    [Fact]
    public async Task Redis_down_refuses_proofs_within_the_timeout_and_warns_once()
    {
        await using var api = await StartAsync(o => (o.Configuration, o.Timeout) = (PatientConfiguration("down"), TimeSpan.FromSeconds(1)));
        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();
        await ResponseAssert.Ok(await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).Build()));
        await Redis.StopAsync();

        for (var i = 0; i < 3; i++)
        {
            await RefusedUncheckedWithin(TimeSpan.FromSeconds(5), api, key, token);
        }

        // Three failures, one warning (the others are Debug lines, below the test host's Information threshold).
        var warning = Assert.Single(api.Logs, l => l.Category == StoreCategory && l.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.NotNull(warning.Exception);
        Assert.Contains("DPoP proofs are refused", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redis_that_does_not_answer_is_bounded_by_the_timeout_and_service_resumes()
    {
        await using var api = await StartAsync(o => (o.Configuration, o.Timeout) = (PatientConfiguration("paused"), TimeSpan.FromSeconds(1.5)));
        await using var admin = await ConnectionMultiplexer.ConnectAsync(PatientConfiguration("admin") + ",allowAdmin=true");
        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();
        await ResponseAssert.Ok(await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).Build()));

        // Redis holds every write for 6 s: the SET NX waits, the store does not.
        await admin.GetDatabase().ExecuteAsync("CLIENT", "PAUSE", "6000", "WRITE");
        var paused = Stopwatch.StartNew();
        await RefusedUncheckedWithin(TimeSpan.FromMilliseconds(4500), api, key, token, " while Redis was paused");

        var wait = TimeSpan.FromMilliseconds(6300) - paused.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        // Service resumes once the pause is over. Under load the first check may still wait behind the writes Redis queued
        // during the pause and be refused as unchecked again: ask until one passes, within a bound.
        HttpResponseMessage resumed;
        do
        {
            resumed = await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).Build());
        }
        while (resumed.StatusCode != HttpStatusCode.OK && paused.Elapsed < TimeSpan.FromSeconds(15));

        await ResponseAssert.Ok(resumed);
        Assert.Single(api.Logs, l => l.Category == StoreCategory && l.Level == LogLevel.Warning);
        Assert.Single(api.Logs, l => l.Category == StoreCategory && l.Level == LogLevel.Information && l.Message.Contains("answers again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_application_connection_is_used_when_no_other_is_configured()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(PatientConfiguration("app-connection") + ",allowAdmin=true");
        await using var api = await DPoPTestSupport.StartAsync(Issuer, services: s =>
        {
            s.AddSingleton<IConnectionMultiplexer>(connection);
            s.AddAuth0DPoPRedisReplayStore();
        });
        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();
        var jti = Guid.NewGuid().ToString("N");
        var proof = key.Proof(token).With("jti", jti).Build();
        await ResponseAssert.Ok(await api.Client.SendAsync("/dpop/private", token, "DPoP", proof));
        await DPoPTestSupport.InvalidProof(await api.Client.SendAsync("/dpop/private", token, "DPoP", proof), AlreadyUsed);
        Assert.True(await connection.GetDatabase().KeyExistsAsync(RedisDPoPReplayStoreOptions.DefaultKeyPrefix + ReplayKey(key.Thumbprint(), jti)));

        // No connection of its own: the only clients are the application's (two sockets: commands and subscriptions).
        Assert.DoesNotContain(await ClientNamesAsync(connection), n => n != "app-connection");
    }

    [Fact]
    public async Task A_connection_the_store_opened_is_closed_when_the_app_stops_and_keys_take_the_prefix()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(PatientConfiguration("observer") + ",allowAdmin=true");
        using var key = TestDPoPKey.Create();
        var token = Issuer.BoundToken(key).Build();
        var jti = Guid.NewGuid().ToString("N");
        await using (var api = await StartAsync(o => (o.Configuration, o.KeyPrefix) = (PatientConfiguration("owned"), "tenant-a:")))
        {
            await ResponseAssert.Ok(await api.Client.SendAsync("/dpop/private", token, "DPoP", key.Proof(token).With("jti", jti).Build()));
            Assert.Contains("owned", await ClientNamesAsync(redis));
            Assert.True(await redis.GetDatabase().KeyExistsAsync("tenant-a:" + ReplayKey(key.Thumbprint(), jti)));
        }

        var deadline = Stopwatch.StartNew();
        while ((await ClientNamesAsync(redis)).Contains("owned"))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), "the store's own connection stayed open after the app stopped");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task No_connection_fails_at_startup()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => DPoPTestSupport.StartAsync(Issuer, services: s => s.AddAuth0DPoPRedisReplayStore()));
        Assert.Contains(error.Failures, f => f.StartsWith("The DPoP Redis replay store has no connection", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("127.0.0.1:6379,connectTimeout=soon", null, "The DPoP Redis replay store's Configuration does not parse")]
    [InlineData("127.0.0.1:6379", 0, "The DPoP Redis replay store's Timeout must be more than 0 and at most 30 seconds")]
    [InlineData("127.0.0.1:6379", 31_000, "The DPoP Redis replay store's Timeout must be more than 0 and at most 30 seconds")]
    public async Task Bad_settings_fail_at_startup(string configuration, int? timeoutMilliseconds, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(o =>
        {
            o.Configuration = configuration;
            if (timeoutMilliseconds is { } ms)
            {
                o.Timeout = TimeSpan.FromMilliseconds(ms);
            }
        }));
        Assert.Contains(error.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => new RedisDPoPReplayStore(new() { Configuration = configuration, Timeout = timeoutMilliseconds is { } t ? TimeSpan.FromMilliseconds(t) : TimeSpan.FromSeconds(1) }));
    }

    /// <summary>The store key of a proof, as docs/dpop.md describes it: base64url SHA-256 of "thumbprint:jti".</summary>
    private static string ReplayKey(string thumbprint, string jti)
        => Base64Url.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(thumbprint + ":" + jti)));

    private static async Task<IReadOnlyList<string>> ClientNamesAsync(ConnectionMultiplexer connection)
    {
        var list = (string?)await connection.GetDatabase().ExecuteAsync("CLIENT", "LIST") ?? string.Empty;
        return list.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ').FirstOrDefault(p => p.StartsWith("name=", StringComparison.Ordinal))?[5..] ?? string.Empty)
            .ToList();
    }
}
