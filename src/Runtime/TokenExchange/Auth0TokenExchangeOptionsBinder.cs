using System.Security.Cryptography;
using Auth0.Generated.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace Auth0.Generated.TokenExchange;

/// <summary>
/// Binds <see cref="Auth0TokenExchangeOptions"/> by hand (Native AOT): <c>AUTH0_DOMAIN</c>, <c>AUTH0_CLIENT_ID</c>,
/// <c>AUTH0_CLIENT_SECRET</c> (which win when set) and the <c>Auth0</c> section.
/// </summary>
internal sealed class Auth0TokenExchangeOptionsBinder(IConfiguration? configuration = null) : IConfigureOptions<Auth0TokenExchangeOptions>
{
    public void Configure(Auth0TokenExchangeOptions options)
    {
        if (configuration is null)
        {
            return;
        }

        var read = ConfigurationReader.Auth0(configuration);
        options.Domain = read.String("Domain", ConfigurationReader.DomainKey) ?? options.Domain;
        options.ClientId = read.String("ClientId", ConfigurationReader.ClientIdKey) ?? options.ClientId;
        options.ClientSecret = read.String("ClientSecret", ConfigurationReader.ClientSecretKey) ?? options.ClientSecret;
        options.TokenEndpoint = read.String("TokenEndpoint") ?? options.TokenEndpoint;
        options.ClientAssertionSigningAlgorithm = read.String("ClientAssertionSigningAlgorithm") ?? options.ClientAssertionSigningAlgorithm;
        if (read.String("ClientAssertionSigningKey") is { } pem)
        {
            options.ClientAssertionSigningKey = ReadKey(pem, read.Path("ClientAssertionSigningKey"));
        }

        options.Timeout = read.Duration("TokenExchangeTimeout") ?? options.Timeout;
        options.ConnectionTokenCacheSize = read.Int32("ConnectionTokenCacheSize") ?? options.ConnectionTokenCacheSize;
        options.ConnectionTokenExpiryMargin = read.Duration("ConnectionTokenExpiryMargin") ?? options.ConnectionTokenExpiryMargin;
        options.DevelopmentSubjectTokenType = read.String("DevelopmentSubjectTokenType") ?? options.DevelopmentSubjectTokenType;
    }

    /// <summary>An RSA or EC private key in PEM (PKCS#8 or PKCS#1/SEC1). The message never quotes the key.</summary>
    internal static SecurityKey ReadKey(string pem, string key)
        => Import(RSA.Create(), pem, static rsa => new RsaSecurityKey(rsa))
            ?? Import(ECDsa.Create(), pem, static ec => new ECDsaSecurityKey(ec))
            ?? throw new InvalidOperationException($"Configuration value '{key}' is not an RSA or EC private key in PEM.");

    /// <summary>The key <paramref name="algorithm"/> reads from <paramref name="pem"/>, or null (and the algorithm disposed) when it reads none.</summary>
    private static SecurityKey? Import<T>(T algorithm, string pem, Func<T, SecurityKey> wrap)
        where T : AsymmetricAlgorithm
    {
        try
        {
            algorithm.ImportFromPem(pem);
            return wrap(algorithm);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            algorithm.Dispose();
            return null;
        }
    }
}
