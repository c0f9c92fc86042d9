using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Auth0.Generated.Testing;

namespace Auth0.Generated.Runtime.Tests;

/// <summary>
/// Issue 2's "done when": the sample, started as a real process and pointed through AUTH0_DOMAIN at an https issuer on
/// 127.0.0.1 with a port (its self-signed certificate trusted through SSL_CERT_FILE), answers every route as specified.
/// </summary>
public sealed partial class ExternalIssuerProcessTests
{
    [Fact]
    public async Task Sample_process_on_an_external_https_issuer_answers_every_route()
    {
        await using var issuer = await TestIssuer.StartAsync();
        await RunSampleAsync(issuer, trustIssuer: true, async client =>
        {
            foreach (var item in SampleCases.All)
            {
                await SampleCases.RunAsync(client, issuer, item);
            }

            Assert.Equal(1, issuer.JwksRequests);

            // Headers beyond Kestrel's limit are Kestrel's own 431, before any of our code runs.
            using var huge = new HttpRequestMessage(HttpMethod.Get, "/api/private");
            huge.Headers.TryAddWithoutValidation("Authorization", "Bearer " + new string('a', 64 * 1024));
            Assert.Equal(System.Net.HttpStatusCode.RequestHeaderFieldsTooLarge, (await client.SendAsync(huge)).StatusCode);
        });
    }

    [Fact]
    public async Task Sample_process_refuses_tokens_when_the_issuer_certificate_is_not_trusted()
    {
        await using var issuer = await TestIssuer.StartAsync();
        await RunSampleAsync(issuer, trustIssuer: false, async client =>
        {
            await ResponseAssert.InvalidToken(await client.GetAsync("/api/private", issuer.Token().Build()), "Unable to fetch the signing keys of the issuer");
            Assert.Equal(0, issuer.DiscoveryRequests);
        });
    }

    private static async Task RunSampleAsync(TestIssuer issuer, bool trustIssuer, Func<HttpClient, Task> exercise)
    {
        var work = Directory.CreateTempSubdirectory("auth0-generated-sample-");
        var certificateFile = Path.Combine(work.FullName, "issuer.pem");
        await File.WriteAllTextAsync(certificateFile, issuer.CertificatePem());
        await File.WriteAllTextAsync(Path.Combine(work.FullName, "empty.pem"), string.Empty);

        var sampleDll = Path.Combine(AppContext.BaseDirectory, "Quickstart.Api.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { sampleDll, "--urls", "http://127.0.0.1:0" },
            WorkingDirectory = work.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["AUTH0_DOMAIN"] = issuer.Domain;
        start.Environment["AUTH0_AUDIENCE"] = TestIssuer.DefaultAudience;
        // With SSL_CERT_FILE pointing at a file without the issuer's certificate, nothing trusts it.
        start.Environment["SSL_CERT_FILE"] = trustIssuer ? certificateFile : Path.Combine(work.FullName, "empty.pem");
        start.Environment["SSL_CERT_DIR"] = work.CreateSubdirectory("no-certificates").FullName;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["HOME"] = work.FullName;
        start.Environment["DOTNET_NOLOGO"] = "1";

        var output = new StringBuilder();
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        Assert.True(process.Start());
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            await exercise(client);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException("The sample process failed. Its output:\n" + output, e);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }

            work.Delete(recursive: true);
        }

        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            if (ListeningLine().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(match.Groups[1].Value);
            }
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
