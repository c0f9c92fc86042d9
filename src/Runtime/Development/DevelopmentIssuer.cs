using System.Linq;
using System.Security.Cryptography;
using Auth0.Generated.Keys;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth0.Generated.Development;

/// <summary>
/// The built-in development issuer: an in-memory RSA key (new at every start), whose issuer is the application's own
/// address. Its keys are handed to the validator in-process; the JWKS and discovery document are also served locally.
/// Only ever active in the Development environment (startup validation refuses it elsewhere).
/// </summary>
internal sealed class DevelopmentIssuer : ISigningKeySource, IDisposable
{
    /// <summary>The audience used when none is configured.</summary>
    public const string DefaultAudience = "urn:auth0-generated:development";

    /// <summary>The lifetime of minted tokens.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    private readonly IServiceProvider _services;
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private readonly SigningKeys _keys;
    private readonly JsonWebTokenHandler _handler = new();
    private string? _issuer;

    public DevelopmentIssuer(IServiceProvider services)
    {
        _services = services;
        _key = new RsaSecurityKey(_rsa) { KeyId = "dev-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) };
        _keys = new SigningKeys([_key], DateTimeOffset.MaxValue);
    }

    /// <summary>The application's own base address (http allowed, Development only), with a trailing slash.</summary>
    public string Issuer => _issuer ??= ResolveIssuer();

    public ValueTask<SigningKeys?> GetKeysAsync(string? kid, CancellationToken cancellationToken) => new(_keys);

    /// <summary>The public key as a JWKS document.</summary>
    public string JwksJson()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = _key.KeyId });
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + jwk.Kid + "\",\"n\":\"" + jwk.N + "\",\"e\":\"" + jwk.E + "\"}]}";
    }

    /// <summary>A signed RS256 token for <paramref name="audience"/> with the given extra claims.</summary>
    public string CreateToken(string audience, IDictionary<string, object> claims)
    {
        var now = DateTime.UtcNow;
        var payload = new Dictionary<string, object>(claims, StringComparer.Ordinal);
        payload.TryAdd("sub", "dev-user");
        payload["aud"] = audience;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + TokenLifetime,
            Claims = payload,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
            TokenType = "at+jwt",
        });
    }

    private string ResolveIssuer()
    {
        // The server's addresses once it listens; before that (the keys are warmed up by a hosted service, which starts
        // before the server binds) the configured URLs (ASPNETCORE_URLS, --urls, the launch profile's applicationUrl), so
        // the issuer, discovery and the printed curl commands carry the port the API really listens on.
        ICollection<string>? addresses = _services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is null || addresses.Count == 0)
        {
            addresses = _services.GetService<IConfiguration>()?[WebHostDefaults.ServerUrlsKey]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        var address = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? addresses?.FirstOrDefault()
            ?? "http://localhost";
        if (!Uri.TryCreate(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return "http://localhost/";
        }

        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
        return new UriBuilder(uri.Scheme, host, uri.Port).Uri.GetLeftPart(UriPartial.Authority) + "/";
    }

    public void Dispose() => _rsa.Dispose();
}
