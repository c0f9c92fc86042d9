using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;

namespace Auth0.Generated.DPoP;

/// <summary>
/// Signs a DPoP proof for every outgoing request of an <see cref="HttpClient"/> (RFC 9449 section 4): <c>htm</c> and
/// <c>htu</c> from the request, <c>ath</c> when it carries <c>Authorization: DPoP &lt;token&gt;</c>, and the latest
/// <c>DPoP-Nonce</c> the server sent. A 401 <c>use_dpop_nonce</c> answer is retried once with the new nonce (the request
/// content must be re-readable, as <see cref="StringContent"/> and <see cref="ByteArrayContent"/> are).
/// </summary>
/// <example><code>
/// using var key = DPoPKey.CreateES256();
/// var client = new HttpClient(new DPoPProofHandler(key) { InnerHandler = new HttpClientHandler() });
/// client.DefaultRequestHeaders.Authorization = new("DPoP", accessTokenBoundToKey);
/// </code></example>
public sealed class DPoPProofHandler : DelegatingHandler
{
    private readonly DPoPKey _key;
    private readonly ConcurrentDictionary<string, string> _nonces = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A handler signing with <paramref name="key"/> (not disposed by the handler).</summary>
    public DPoPProofHandler(DPoPKey key) => _key = key ?? throw new ArgumentNullException(nameof(key));

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var origin = uri.GetLeftPart(UriPartial.Authority);
        var token = string.Equals(request.Headers.Authorization?.Scheme, DPoPDefaults.AuthorizationScheme, StringComparison.OrdinalIgnoreCase)
            ? request.Headers.Authorization!.Parameter
            : null;

        _nonces.TryGetValue(origin, out var nonce);
        var response = await SendSignedAsync(request, uri, token, nonce, cancellationToken).ConfigureAwait(false);
        var fresh = Remember(origin, response);
        if (response.StatusCode == HttpStatusCode.Unauthorized && fresh is not null && fresh != nonce && AsksForNonce(response))
        {
            response.Dispose();
            response = await SendSignedAsync(request, uri, token, fresh, cancellationToken).ConfigureAwait(false);
            Remember(origin, response);
        }

        return response;
    }

    private Task<HttpResponseMessage> SendSignedAsync(HttpRequestMessage request, Uri uri, string? token, string? nonce, CancellationToken cancellationToken)
    {
        request.Headers.Remove(DPoPDefaults.ProofHeader);
        request.Headers.TryAddWithoutValidation(DPoPDefaults.ProofHeader, _key.CreateProof(request.Method.Method, uri, token, nonce));
        return base.SendAsync(request, cancellationToken);
    }

    private string? Remember(string origin, HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues(DPoPDefaults.NonceHeader, out var values) && values.FirstOrDefault() is { Length: > 0 } nonce)
        {
            _nonces[origin] = nonce;
            return nonce;
        }

        return null;
    }

    private static bool AsksForNonce(HttpResponseMessage response)
        => response.Headers.WwwAuthenticate.Any(challenge =>
            string.Equals(challenge.Scheme, DPoPDefaults.AuthorizationScheme, StringComparison.OrdinalIgnoreCase)
            && challenge.Parameter?.Contains("error=\"use_dpop_nonce\"", StringComparison.Ordinal) == true);
}
