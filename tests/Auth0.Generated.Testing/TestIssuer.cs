using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Auth0.Generated.Testing;

/// <summary>How the <see cref="TestIssuer"/> answers discovery and JWKS requests.</summary>
public enum IssuerBehavior
{
    /// <summary>Serves discovery and JWKS.</summary>
    Normal,

    /// <summary>Answers 503 to everything.</summary>
    Unavailable,

    /// <summary>Waits <see cref="TestIssuer.SlowDelay"/> before answering normally.</summary>
    Slow,

    /// <summary>Answers 200 with text that is not JSON.</summary>
    Garbage,

    /// <summary>Answers a JWKS larger than any sane limit (megabytes).</summary>
    Huge,

    /// <summary>Answers a small JWKS with more keys (101 kids of the signing key) than the runtime accepts.</summary>
    ManyKeys,
}

/// <summary>
/// A real OpenID issuer for tests: Kestrel on 127.0.0.1 (https with a self-signed certificate by default) serving
/// <c>/.well-known/openid-configuration</c> and <c>/.well-known/jwks.json</c> from keys the test owns, with switchable
/// behaviour and request counters. Mint tokens with <see cref="Token"/>.
/// </summary>
public sealed class TestIssuer : IAsyncDisposable
{
    /// <summary>The audience <see cref="Token"/> uses by default.</summary>
    public const string DefaultAudience = "https://api.test.local";

    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private List<TestSigningKey> _published;
    private int _discoveryRequests;
    private int _jwksRequests;

    private TestIssuer(WebApplication app, X509Certificate2? certificate, TestSigningKey key)
    {
        _app = app;
        Certificate = certificate;
        SigningKey = key;
        _published = [key];
    }

    /// <summary>The issuer, <c>https://127.0.0.1:{port}/</c>.</summary>
    public string Issuer { get; private set; } = string.Empty;

    /// <summary>The domain to configure (<c>127.0.0.1:{port}</c>, or the full http URL for an http issuer).</summary>
    public string Domain { get; private set; } = string.Empty;

    /// <summary>The self-signed server certificate (null for an http issuer).</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>The key <see cref="Token"/> signs with.</summary>
    public TestSigningKey SigningKey { get; private set; }

    /// <summary>The current behaviour (switch at any time).</summary>
    public IssuerBehavior Behavior { get; set; }

    /// <summary>The delay of <see cref="IssuerBehavior.Slow"/>.</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The issuer the discovery document names (default <see cref="Issuer"/>).</summary>
    public string? DiscoveryIssuerOverride { get; set; }

    /// <summary>How many discovery requests arrived.</summary>
    public int DiscoveryRequests => Volatile.Read(ref _discoveryRequests);

    /// <summary>How many JWKS requests arrived.</summary>
    public int JwksRequests => Volatile.Read(ref _jwksRequests);

    /// <summary>Starts an issuer on 127.0.0.1 with a fresh signing key.</summary>
    /// <param name="https">Serve https with a self-signed certificate for 127.0.0.1 (default) or plain http.</param>
    /// <param name="port">The port to listen on; 0 (default) picks a free one.</param>
    public static async Task<TestIssuer> StartAsync(bool https = true, int port = 0)
    {
        var certificate = https ? CreateCertificate() : null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        var issuer = new TestIssuer(app, certificate, TestSigningKey.Create());
        app.Run(issuer.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        issuer.Issuer = $"{address.Scheme}://127.0.0.1:{address.Port}/";
        issuer.Domain = https ? $"127.0.0.1:{address.Port}" : issuer.Issuer;
        return issuer;
    }

    /// <summary>A token builder for this issuer, signed with <see cref="SigningKey"/>, for <paramref name="audience"/>.</summary>
    public TestToken Token(string audience = DefaultAudience) => new(SigningKey, Issuer, audience);

    /// <summary>Replaces the published keys (the JWKS) and signs new tokens with the first.</summary>
    public void PublishKeys(params TestSigningKey[] keys)
    {
        lock (_lock)
        {
            _published = [.. keys];
            if (keys.Length > 0)
            {
                SigningKey = keys[0];
            }
        }
    }

    /// <summary>The JWKS document currently published.</summary>
    public string JwksJson()
    {
        lock (_lock)
        {
            return "{\"keys\":[" + string.Join(',', _published.Select(k => k.ToJwkJson())) + "]}";
        }
    }

    /// <summary>A handler for the runtime's backchannel client that trusts this issuer's certificate (and nothing else self-signed).</summary>
    public HttpMessageHandler CreateBackchannelHandler() => CreateHandlerTrusting(Certificate);

    /// <summary>A handler that trusts <paramref name="trusted"/> (and nothing else self-signed).</summary>
    public static HttpMessageHandler CreateHandlerTrusting(X509Certificate2? trusted) => new SocketsHttpHandler
    {
        SslOptions =
        {
            RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == System.Net.Security.SslPolicyErrors.None
                || (trusted is not null && certificate is not null && certificate.GetCertHashString() == trusted.GetCertHashString()),
        },
    };

    /// <summary>The certificate in PEM, for <c>SSL_CERT_FILE</c>.</summary>
    public string CertificatePem() => Certificate?.ExportCertificatePem() ?? throw new InvalidOperationException("This issuer serves http.");

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var isDiscovery = path == "/.well-known/openid-configuration";
        var isJwks = path == "/.well-known/jwks.json";
        if (isDiscovery)
        {
            Interlocked.Increment(ref _discoveryRequests);
        }
        else if (isJwks)
        {
            Interlocked.Increment(ref _jwksRequests);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        switch (Behavior)
        {
            case IssuerBehavior.Unavailable:
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            case IssuerBehavior.Garbage:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("<html>not json {{{").ConfigureAwait(false);
                return;
            case IssuerBehavior.Slow:
                try
                {
                    await Task.Delay(SlowDelay, context.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                break;
            case IssuerBehavior.Huge when isJwks:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"keys\":[" + string.Join(',', Enumerable.Repeat(SigningKey.ToJwkJson(), 2000)) + "]}").ConfigureAwait(false);
                return;
        }

        if (Behavior == IssuerBehavior.ManyKeys && isJwks)
        {
            context.Response.ContentType = "application/json";
            var jwk = SigningKey.ToJwkJson();
            await context.Response.WriteAsync("{\"keys\":[" + string.Join(',', Enumerable.Range(0, 101).Select(i => jwk.Replace(SigningKey.KeyId, SigningKey.KeyId + "-" + i, StringComparison.Ordinal))) + "]}").ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(isDiscovery
            ? "{\"issuer\":\"" + (DiscoveryIssuerOverride ?? Issuer) + "\",\"jwks_uri\":\"" + Issuer + ".well-known/jwks.json\",\"authorization_endpoint\":\"" + Issuer + "authorize\",\"token_endpoint\":\"" + Issuer + "oauth/token\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}"
            : JwksJson()).ConfigureAwait(false);
    }

    /// <summary>A self-signed server certificate for 127.0.0.1 and localhost, valid for a week.</summary>
    public static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Certificate?.Dispose();
        lock (_lock)
        {
            foreach (var key in _published)
            {
                key.Dispose();
            }
        }
    }
}
