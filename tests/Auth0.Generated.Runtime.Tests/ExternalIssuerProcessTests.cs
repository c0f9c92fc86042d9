namespace Auth0.Generated.Runtime.Tests;

/// <summary>
/// Issue 2's "done when": the sample, started as a real process and pointed through AUTH0_DOMAIN at an https issuer on
/// 127.0.0.1 with a port (its self-signed certificate trusted through SSL_CERT_FILE), answers every route as specified.
/// </summary>
public sealed class ExternalIssuerProcessTests
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

            // The key set is fetched once and then cached for every route. A second fetch happens only when the startup
            // fetch hit its 5 s timeout (seen on a machine loaded by parallel builds); never one per request.
            Assert.InRange(issuer.JwksRequests, 1, 2);

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
        await using var sample = await SampleProcess.StartAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "Quickstart.Api.dll")], issuer, trustIssuer);
        try
        {
            await exercise(sample.Client);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException("The sample process failed. Its output:\n" + sample.Output, e);
        }
    }
}
