using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth0.Generated.Benchmarks;

/// <summary>
/// A typical Auth0 access token (RS256, 2048-bit key, <c>kid</c>, two audiences, space-separated scopes, RBAC
/// permissions and a few custom claims) and the validation parameters both sides of every comparison use.
/// </summary>
public sealed class BenchmarkTokens : IDisposable
{
    public const string Issuer = "https://dev-tenant.us.auth0.com/";
    public const string Audience = "https://api.example.com";
    public const string Scope = "read:messages";
    public const string AdminClaim = "isAdmin";

    private readonly RSA _rsa = RSA.Create(2048);

    public BenchmarkTokens()
    {
        SigningKey = new RsaSecurityKey(_rsa) { KeyId = "bench-key-1" };
        var claims = StandardClaims();
        claims["permissions"] = new[] { "read:messages", "write:messages", "read:feed" };
        claims[AdminClaim] = true;
        claims["tier"] = "premium";
        claims["roles"] = new[] { "admin", "editor" };
        claims["https://myapp.com/org_id"] = "org_8f3b2c1d";
        Token = Sign(claims);
    }

    public RsaSecurityKey SigningKey { get; }

    /// <summary>The compact serialization (about 900 bytes, like a real Auth0 access token).</summary>
    public string Token { get; }

    /// <summary>The claims every Auth0 access token carries (issuer, subject, two audiences, lifetime, client, scopes).</summary>
    public static Dictionary<string, object> StandardClaims()
    {
        var now = DateTimeOffset.UtcNow;
        return new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["sub"] = "auth0|65f0c0ffee1234567890abcd",
            ["aud"] = new[] { Audience, "https://dev-tenant.us.auth0.com/userinfo" },
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(24).ToUnixTimeSeconds(),
            ["azp"] = "k3XbW0Jq9bXo1qYh2ZcJ8dQ7aR5sT6uV",
            ["scope"] = "openid profile email read:messages write:messages read:feed",
        };
    }

    /// <summary>An RS256 token of exactly <paramref name="claims"/>, signed with <see cref="SigningKey"/>.</summary>
    public string Sign(Dictionary<string, object> claims)
        // Auth0 puts no nbf in access tokens: keep the payload exactly as given.
        => new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
            Claims = claims,
        });

    /// <summary>What both our validation path and JwtBearer are configured to require (fixed keys, no discovery).</summary>
    public TokenValidationParameters CreateValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = SigningKey,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        ClockSkew = TimeSpan.FromSeconds(5),
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
    };

    public void Dispose() => _rsa.Dispose();
}
