using System.Globalization;
using System.Net;
using Auth0.Generated.Runtime.Tests;
using Auth0.Generated.Testing;
using Xunit.Abstractions;

namespace Auth0.Generated.Aot.Tests;

/// <summary>
/// Issue 3's Native AOT "done when": the quickstart sample published with PublishAot (Request Delegate Generator on)
/// prints no warning, and the native binary, started on 127.0.0.1 against a local https issuer, answers every route
/// allowed and refused exactly as the JIT sample does (the same <see cref="SampleCases"/>).
/// </summary>
public sealed class NativeSampleTests(NativeSampleFixture fixture, ITestOutputHelper output) : IClassFixture<NativeSampleFixture>
{
    [Fact]
    public void Publish_prints_no_warning()
    {
        output.WriteLine($"{fixture.Command} ({fixture.PublishTime.TotalSeconds:F0} s)");
        Assert.True(fixture.Warnings.Count == 0, "The Native AOT publish printed warnings:\n" + string.Join('\n', fixture.Warnings) + "\n\nFull output:\n" + fixture.PublishOutput);
    }

    [Fact]
    public async Task Native_binary_answers_every_route_like_the_jit_sample()
    {
        await using var issuer = await TestIssuer.StartAsync();
        // Minted before the process starts, so the first-response time is the binary's alone.
        var firstToken = issuer.Token().Build();
        await using var sample = await SampleProcess.StartAsync(fixture.Executable, [], issuer);
        try
        {
            using var first = new HttpRequestMessage(HttpMethod.Get, "/api/private");
            first.Headers.Add("Authorization", "Bearer " + firstToken);
            using var firstResponse = await sample.Client.SendAsync(first);
            var firstAuthorized = sample.SinceStart.Elapsed;
            Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);

            foreach (var item in SampleCases.All)
            {
                await SampleCases.RunAsync(sample.Client, issuer, item);
            }

            // DPoP: a bound token with a proof, a replayed proof, Bearer on the [RequireDPoP] route, a bound token as Bearer.
            await SampleDPoPCases.RunAsync(sample.Client, issuer);

            // One JWKS fetch served every request (the cache works in the native binary too).
            Assert.Equal(1, issuer.JwksRequests);

            var memory = sample.Memory();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                Native AOT Quickstart.Api ({Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription})
                  binary size:                    {new FileInfo(fixture.Executable).Length / 1024.0 / 1024.0:F1} MiB ({new FileInfo(fixture.Executable).Length} bytes)
                  process start to listening:     {sample.ListeningAfter.TotalMilliseconds:F0} ms
                  process start to first 200:     {firstAuthorized.TotalMilliseconds:F0} ms (authorized /api/private, includes discovery + JWKS over https)
                  RSS after {SampleCases.All.Count + 1} requests:          {(memory is { } m ? $"VmRSS {m.RssKiB / 1024.0:F1} MiB, VmHWM {m.PeakRssKiB / 1024.0:F1} MiB" : "n/a (no /proc)")}
                """));
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException("The native sample failed. Its output:\n" + sample.Output, e);
        }
    }

    [Fact]
    public async Task Native_binary_refuses_tokens_when_the_issuer_certificate_is_not_trusted()
    {
        await using var issuer = await TestIssuer.StartAsync();
        await using var sample = await SampleProcess.StartAsync(fixture.Executable, [], issuer, trustIssuer: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/private");
        request.Headers.Add("Authorization", "Bearer " + issuer.Token().Build());
        await ResponseAssert.InvalidToken(await sample.Client.SendAsync(request), "Unable to fetch the signing keys of the issuer");
        Assert.Equal(0, issuer.DiscoveryRequests);
    }
}
