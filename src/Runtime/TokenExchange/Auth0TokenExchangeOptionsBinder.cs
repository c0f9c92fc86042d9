using System;
using System.Security.Cryptography;
using Auth0.Generated.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using static Auth0.Generated.Configuration.Auth0ApiOptionsBinder;

namespace Auth0.Generated.TokenExchange;

/// <summary>
/// Binds <see cref="Auth0TokenExchangeOptions"/> by hand (Native AOT): <c>AUTH0_DOMAIN</c>, <c>AUTH0_CLIENT_ID</c>,
/// <c>AUTH0_CLIENT_SECRET</c> (which win when set) and the <c>Auth0</c> section.
/// </summary>
internal sealed class Auth0TokenExchangeOptionsBinder : IConfigureOptions<Auth0TokenExchangeOptions>
{
    internal const string ClientIdKey = "AUTH0_CLIENT_ID";
    internal const string ClientSecretKey = "AUTH0_CLIENT_SECRET";

    private readonly IConfiguration? _configuration;

    public Auth0TokenExchangeOptionsBinder(IConfiguration? configuration = null) => _configuration = configuration;

    public void Configure(Auth0TokenExchangeOptions options)
    {
        if (_configuration is not { } configuration)
        {
            return;
        }

        var section = configuration.GetSection(Auth0ApiDefaults.ConfigurationSection);
        var prefix = Auth0ApiDefaults.ConfigurationSection + ":";
        options.Domain = NonEmpty(configuration[DomainKey]) ?? NonEmpty(section["Domain"]) ?? options.Domain;
        options.ClientId = NonEmpty(configuration[ClientIdKey]) ?? NonEmpty(section["ClientId"]) ?? options.ClientId;
        options.ClientSecret = NonEmpty(configuration[ClientSecretKey]) ?? NonEmpty(section["ClientSecret"]) ?? options.ClientSecret;
        options.TokenEndpoint = NonEmpty(section["TokenEndpoint"]) ?? options.TokenEndpoint;
        options.ClientAssertionSigningAlgorithm = NonEmpty(section["ClientAssertionSigningAlgorithm"]) ?? options.ClientAssertionSigningAlgorithm;
        if (NonEmpty(section["ClientAssertionSigningKey"]) is { } pem)
        {
            options.ClientAssertionSigningKey = ReadKey(pem, prefix + "ClientAssertionSigningKey");
        }

        options.Timeout = ReadDuration(section, prefix, "TokenExchangeTimeout") ?? options.Timeout;
        options.ConnectionTokenCacheSize = ReadInt(section, prefix, "ConnectionTokenCacheSize") ?? options.ConnectionTokenCacheSize;
        options.ConnectionTokenExpiryMargin = ReadDuration(section, prefix, "ConnectionTokenExpiryMargin") ?? options.ConnectionTokenExpiryMargin;
        options.DevelopmentSubjectTokenType = NonEmpty(section["DevelopmentSubjectTokenType"]) ?? options.DevelopmentSubjectTokenType;
    }

    /// <summary>An RSA or EC private key in PEM (PKCS#8 or PKCS#1/SEC1). The message never quotes the key.</summary>
    internal static SecurityKey ReadKey(string pem, string key)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return new RsaSecurityKey(rsa);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
        }

        var ec = ECDsa.Create();
        try
        {
            ec.ImportFromPem(pem);
            return new ECDsaSecurityKey(ec);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            ec.Dispose();
            throw new InvalidOperationException($"Configuration value '{key}' is not an RSA or EC private key in PEM.");
        }
    }
}
