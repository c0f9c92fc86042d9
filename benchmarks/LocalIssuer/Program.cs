using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

// Usage: LocalIssuer <port> <audience> <output-directory>
// Serves https://127.0.0.1:<port>/.well-known/openid-configuration and /.well-known/jwks.json with a fresh RSA key,
// and writes to <output-directory>: ca.pem (the self-signed TLS certificate, to trust through SSL_CERT_FILE),
// token.txt (an RS256 access token valid 2 hours for every benchmarked route) and issuer.txt.
if (args.Length != 3 || !int.TryParse(args[0], out var port))
{
    Console.Error.WriteLine("usage: LocalIssuer <port> <audience> <output-directory>");
    return 2;
}

var audience = args[1];
var output = Directory.CreateDirectory(args[2]).FullName;
var issuer = $"https://127.0.0.1:{port}/";

using var tlsKey = RSA.Create(2048);
var request = new CertificateRequest("CN=127.0.0.1", tlsKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
var names = new SubjectAlternativeNameBuilder();
names.AddIpAddress(IPAddress.Loopback);
names.AddDnsName("localhost");
request.CertificateExtensions.Add(names.Build());
request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyCertSign, critical: true));
request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
File.WriteAllText(Path.Combine(output, "ca.pem"), certificate.ExportCertificatePem() + "\n");

using var signingRsa = RSA.Create(2048);
var signingKey = new RsaSecurityKey(signingRsa) { KeyId = "load-" + Guid.NewGuid().ToString("N")[..8] };
var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(signingKey);
var jwks = JsonSerializer.Serialize(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
var discovery = JsonSerializer.Serialize(new Dictionary<string, object>
{
    ["issuer"] = issuer,
    ["jwks_uri"] = issuer + ".well-known/jwks.json",
    ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
    ["response_types_supported"] = new[] { "code" },
    ["subject_types_supported"] = new[] { "public" },
});

var now = DateTimeOffset.UtcNow;
var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
{
    SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
    Claims = new Dictionary<string, object>
    {
        ["iss"] = issuer,
        ["sub"] = "auth0|load-test-user",
        ["aud"] = new[] { audience, issuer + "userinfo" },
        ["iat"] = now.ToUnixTimeSeconds(),
        ["exp"] = now.AddHours(2).ToUnixTimeSeconds(),
        ["azp"] = "load-test-client",
        ["scope"] = "openid profile read:messages read:feed read:admin write:admin",
        ["isAdmin"] = true,
        ["roles"] = new[] { "admin", "editor", "teller", "customer" },
        ["tier"] = "premium",
        ["https://myapp.com/org_id"] = "org_load",
    },
});
File.WriteAllText(Path.Combine(output, "token.txt"), token);
File.WriteAllText(Path.Combine(output, "issuer.txt"), issuer);

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(certificate)));
var app = builder.Build();
app.MapGet("/.well-known/openid-configuration", () => Results.Text(discovery, "application/json"));
app.MapGet("/.well-known/jwks.json", () => Results.Text(jwks, "application/json"));
await app.StartAsync();
Console.WriteLine($"LocalIssuer ready: {issuer}");
await app.WaitForShutdownAsync();
return 0;
