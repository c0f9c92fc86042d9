using System;
using System.Buffers.Text;
using System.Text;
using System.Threading.Tasks;
using Auth0.Generated.Authorization;
using Auth0.Generated.DPoP;
using BenchmarkDotNet.Attributes;

namespace Auth0.Generated.Benchmarks;

/// <summary>
/// The proof validator alone (no pipeline), on fresh ES256 proofs, through the overload <see cref="IAccessTokenValidator"/> uses:
/// <list type="bullet">
/// <item><c>SameKey</c> (baseline): every proof by the client key the token is bound to: after the first, the key
/// cache answers (no import, no thumbprint); every check runs, the replay store included;</item>
/// <item><c>NewKeyEachProof</c>: every proof by a key never seen (as an attacker replaying a stolen token with keys of
/// their own): import, signature, thumbprint, every check up to <c>cnf.jkt</c>, which refuses it; nothing is cached.
/// This is also what every proof cost before the cache, minus the replay store.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[InvocationCount(ProofsPerIteration)]
public class DPoPProofValidatorBenchmarks
{
    private const int ProofsPerIteration = 2048;
    private static readonly Uri Url = new("http://localhost/api/private-scoped");

    private DPoPKey _key = null!;
    private DPoPProofValidator _validator = null!;
    private string _token = null!;
    private string _payload = null!;
    private string[] _proofs = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _key = DPoPKey.CreateES256();
        _validator = new DPoPProofValidator(new DPoPOptions(), new InMemoryDPoPReplayStore(TimeProvider.System, capacity: 10_000_000), TimeProvider.System);
        _payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("{\"sub\":\"bench\",\"cnf\":{\"jkt\":\"" + _key.Thumbprint + "\"}}"));
        _token = Base64Url.EncodeToString("{\"alg\":\"RS256\"}"u8) + "." + _payload + "." + Base64Url.EncodeToString(new byte[256]);
    }

    [IterationSetup(Target = nameof(SameKey))]
    public void SameKeyProofs()
    {
        _proofs = new string[ProofsPerIteration];
        for (var i = 0; i < _proofs.Length; i++)
        {
            _proofs[i] = _key.CreateProof("GET", Url, _token);
        }

        _next = 0;
    }

    [IterationSetup(Target = nameof(NewKeyEachProof))]
    public void NewKeyProofs()
    {
        _proofs = new string[ProofsPerIteration];
        for (var i = 0; i < _proofs.Length; i++)
        {
            using var key = DPoPKey.CreateES256();
            _proofs[i] = key.CreateProof("GET", Url, _token);
        }

        _next = 0;
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark(Baseline = true)]
    public async Task<Auth0Failure?> SameKey()
        => await _validator.ValidateAsync(_proofs[_next++], "GET", Url, _token, _payload, default).ConfigureAwait(false) is { } failure
            ? throw new InvalidOperationException(failure.ToString())
            : null;

    [Benchmark]
    public async Task<Auth0Failure?> NewKeyEachProof()
        => await _validator.ValidateAsync(_proofs[_next++], "GET", Url, _token, _payload, default).ConfigureAwait(false) is { Error: Auth0ErrorCodes.InvalidToken } failure
            ? failure
            : throw new InvalidOperationException("A proof by another key was not refused for its key.");
}
