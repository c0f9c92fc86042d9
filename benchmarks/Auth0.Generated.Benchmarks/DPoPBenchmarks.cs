using Auth0.Generated.DPoP;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static Auth0.Generated.Benchmarks.RequestPipelineBenchmarks;

namespace Auth0.Generated.Benchmarks;

/// <summary>
/// The cost a DPoP proof adds to a request: one whole request through the middleware pipeline (as
/// <see cref="RequestPipelineBenchmarks"/>) to the scope-protected route, the token cache on, with
/// <list type="bullet">
/// <item><c>Bearer</c> (baseline): an unbound token with the Bearer scheme;</item>
/// <item><c>DPoP_ES256</c> / <c>DPoP_RS256</c> / <c>DPoP_PS256</c>: the same claims bound to a client key (<c>cnf.jkt</c>),
/// the DPoP scheme and a fresh proof per request: proof parsing, signature, htm/htu/iat/ath/jkt and the in-memory
/// replay store.</item>
/// </list>
/// Proofs are signed before each iteration (not timed): every request carries a proof never seen before, as in life.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(ProofsPerIteration)]
public class DPoPBenchmarks : TokenBenchmarksBase
{
    private const int ProofsPerIteration = 2048;
    private const string Path = "/api/private-scoped";

    private App _app = null!;
    private string _bearer = null!;
    private string _bound = null!;
    private readonly Dictionary<string, DPoPKey> _keys = new(StringComparer.Ordinal);
    private readonly List<System.Security.Cryptography.AsymmetricAlgorithm> _keyPairs = [];
    private string[] _proofs = [];
    private int _next;

    [Params("ES256", "RS256", "PS256")]
    public string Algorithm { get; set; } = "ES256";

    protected override async Task SetupAsync()
    {
        _keys["ES256"] = DPoPKey.CreateES256();
        var rsa = System.Security.Cryptography.RSA.Create(2048);
        _keyPairs.Add(rsa);
        _keys["RS256"] = DPoPKey.FromRsa(rsa, "RS256");
        _keys["PS256"] = DPoPKey.FromRsa(rsa, "PS256");
        _bearer = Mint(null);
        _bound = Mint(_keys[Algorithm].Thumbprint);
        _app = Build();
        NewProofs();
        Require(await Dpop() == StatusCodes.Status200OK && await Bearer() == StatusCodes.Status200OK, "The benchmark requests are not answered 200.");
    }

    [IterationSetup]
    public void NewProofs()
    {
        var key = _keys[Algorithm];
        var uri = new Uri("http://localhost" + Path);
        _proofs = new string[ProofsPerIteration];
        for (var i = 0; i < _proofs.Length; i++)
        {
            _proofs[i] = key.CreateProof("GET", uri, _bound);
        }

        _next = 0;
    }

    protected override async Task CleanupAsync()
    {
        await _app.DisposeAsync().ConfigureAwait(false);
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }

        foreach (var pair in _keyPairs)
        {
            pair.Dispose();
        }
    }

    [Benchmark(Baseline = true)]
    public Task<int> Bearer() => RunAsync("Bearer " + _bearer, null);

    [Benchmark]
    public async Task<int> Dpop()
    {
        // Never a replayed proof: at most ProofsPerIteration invocations per iteration, each with its own proof.
        var status = await RunAsync("DPoP " + _bound, _proofs[_next++]).ConfigureAwait(false);
        return status == StatusCodes.Status200OK ? status : throw new InvalidOperationException($"DPoP request answered {status}.");
    }

    private Task<int> RunAsync(string authorization, string? proof) => _app.RunAsync(Path, authorization, proof);

    private string Mint(string? jkt)
    {
        var claims = BenchmarkTokens.StandardClaims();
        if (jkt is not null)
        {
            claims["cnf"] = new Dictionary<string, object> { ["jkt"] = jkt };
        }

        return Tokens.Sign(claims);
    }

    private App Build()
        => App.Ours(
            Tokens,
            configure: null,
            // Room for every proof of the run (the default store refuses new proofs when full).
            services => services.AddSingleton<IDPoPReplayStore>(new InMemoryDPoPReplayStore(TimeProvider.System, capacity: 10_000_000)),
            app => app.MapGet(Path, () => "scoped").RequireScopes(BenchmarkTokens.Scope));
}
