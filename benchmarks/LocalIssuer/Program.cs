using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using Auth0.Generated.Testing;

// Usage: LocalIssuer <port> <audience> <output-directory>
// Runs the tests' TestIssuer on https://127.0.0.1:<port>/ (discovery, JWKS, a fresh RSA key) and writes to
// <output-directory>: ca.pem (its self-signed TLS certificate, to trust through SSL_CERT_FILE), token.txt (an RS256 access
// token valid 2 hours for every benchmarked route) and issuer.txt. Stops on SIGINT/SIGTERM.
if (args.Length != 3 || !int.TryParse(args[0], out var port))
{
    Console.Error.WriteLine("usage: LocalIssuer <port> <audience> <output-directory>");
    return 2;
}

var audience = args[1];
var output = Directory.CreateDirectory(args[2]).FullName;
await using var issuer = await TestIssuer.StartAsync(https: true, port);

var token = issuer.Token(audience)
    .With("aud", new[] { audience, issuer.Issuer + "userinfo" })
    .With("sub", "auth0|load-test-user")
    .With("azp", "load-test-client")
    .Scope("openid profile read:messages read:feed read:admin write:admin")
    .With("isAdmin", true)
    .Roles("admin", "editor", "teller", "customer")
    .With("tier", "premium")
    .With("https://myapp.com/org_id", "org_load")
    .ExpiresIn(TimeSpan.FromHours(2))
    .Build();
File.WriteAllText(Path.Combine(output, "ca.pem"), issuer.CertificatePem() + "\n");
File.WriteAllText(Path.Combine(output, "token.txt"), token);
File.WriteAllText(Path.Combine(output, "issuer.txt"), issuer.Issuer);
Console.WriteLine($"LocalIssuer ready: {issuer.Issuer}");

using var stopped = new SemaphoreSlim(0);
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stopped.Release(); });
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stopped.Release(); });
await stopped.WaitAsync();
return 0;
