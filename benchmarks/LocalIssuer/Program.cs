using System.Runtime.InteropServices;
using Auth0.Generated.Testing;

// Usage: LocalIssuer <port> <audience> <output-directory>
// Runs the tests' TestIssuer on https://127.0.0.1:<port>/ (discovery, JWKS, a fresh RSA key) and writes to
// <output-directory>: ca.pem (its self-signed TLS certificate, to trust through SSL_CERT_FILE), token.txt (an RS256 access
// token valid 2 hours for every benchmarked route), dpop-token.txt (the same token bound to a client key, cnf.jkt),
// dpop-key.pem (that client key, ES256) and issuer.txt. Stops on SIGINT/SIGTERM.
//
// Usage: LocalIssuer proofs <output-directory> <url> <count> <file>
// Writes <count> DPoP proofs (one per line, each with its own jti, iat now) for GET <url> and dpop-token.txt, signed by
// dpop-key.pem, to <file>: a DPoP route is loaded with proofs made just before the run (each is accepted once).
if (args is ["proofs", var directory, var url, var countText, var file] && int.TryParse(countText, out var count))
{
    using var key = TestDPoPKey.ImportEs256(File.ReadAllText(Path.Combine(directory, "dpop-key.pem")));
    var boundToken = File.ReadAllText(Path.Combine(directory, "dpop-token.txt"));
    using var writer = new StreamWriter(file);
    for (var i = 0; i < count; i++)
    {
        writer.WriteLine(new TestDPoPProof(key, "GET", url, boundToken).Build());
    }

    return 0;
}

if (args.Length != 3 || !int.TryParse(args[0], out var port))
{
    Console.Error.WriteLine("usage: LocalIssuer <port> <audience> <output-directory> | LocalIssuer proofs <output-directory> <url> <count> <file>");
    return 2;
}

var audience = args[1];
var output = Directory.CreateDirectory(args[2]).FullName;
await using var issuer = await TestIssuer.StartAsync(https: true, port);

TestToken LoadToken() => issuer.Token(audience)
    .With("aud", new[] { audience, issuer.Issuer + "userinfo" })
    .With("sub", "auth0|load-test-user")
    .With("azp", "load-test-client")
    .Scope("openid profile read:messages read:feed read:admin write:admin")
    .With("isAdmin", true)
    .Roles("admin", "editor", "teller", "customer")
    .With("tier", "premium")
    .With("https://myapp.com/org_id", "org_load")
    .ExpiresIn(TimeSpan.FromHours(2));
using var dpopKey = TestDPoPKey.Create("ES256");
File.WriteAllText(Path.Combine(output, "ca.pem"), issuer.CertificatePem() + "\n");
File.WriteAllText(Path.Combine(output, "dpop-key.pem"), dpopKey.ExportPem());
File.WriteAllText(Path.Combine(output, "dpop-token.txt"), LoadToken().With("cnf", dpopKey.Confirmation()).Build());
File.WriteAllText(Path.Combine(output, "token.txt"), LoadToken().Build()); // last: the load script waits for it
File.WriteAllText(Path.Combine(output, "issuer.txt"), issuer.Issuer);
Console.WriteLine($"LocalIssuer ready: {issuer.Issuer}");

using var stopped = new SemaphoreSlim(0);
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stopped.Release(); });
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stopped.Release(); });
await stopped.WaitAsync();
return 0;
