using System.Net;
using System.Text.Json;
using Auth0.Generated.Testing;

namespace Auth0.Generated.Runtime.Tests;

/// <summary>The sample's <c>[RequireDPoP]</c> route: run in-process and against the Native AOT binary.</summary>
public static class SampleDPoPCases
{
    public const string Path = "/api/dpop";

    public static async Task RunAsync(HttpClient client, TestIssuer issuer)
    {
        using var key = TestDPoPKey.Create("ES256");
        var bound = issuer.Token().With("cnf", key.Confirmation()).Build();
        var htu = new Uri(client.BaseAddress!, Path).ToString();
        var proof = new TestDPoPProof(key, "GET", htu, bound).Build();

        using var ok = await SendAsync(client, "DPoP " + bound, proof);
        var body = await ok.Content.ReadAsStringAsync();
        Assert.True(ok.StatusCode == HttpStatusCode.OK, $"DPoP request: {(int)ok.StatusCode} {ok.Headers.WwwAuthenticate} {body}");
        Assert.Contains("\"message\":\"Hello from a DPoP endpoint!", body, StringComparison.Ordinal);
        Assert.Contains("\"sub\":\"auth0|test-user\"", body, StringComparison.Ordinal);

        using var replay = await SendAsync(client, "DPoP " + bound, proof);
        await DPoPAnswer(replay, "invalid_dpop_proof", "DPoP proof was already used");

        using var bearer = await SendAsync(client, "Bearer " + issuer.Token().Build(), null);
        await DPoPAnswer(bearer, "invalid_token", "This endpoint requires a DPoP-bound access token and proof");

        using var boundAsBearer = await SendAsync(client, "Bearer " + bound, null);
        await ResponseAssert.Error(boundAsBearer, HttpStatusCode.Unauthorized, "invalid_token", "A DPoP-bound access token must be sent with the DPoP authorization scheme");

        using var none = await SendAsync(client, null, null);
        await ResponseAssert.BareChallenge(none);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string? authorization, string? proof)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Path);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (proof is not null)
        {
            request.Headers.TryAddWithoutValidation("DPoP", proof);
        }

        return await client.SendAsync(request);
    }

    private static async Task DPoPAnswer(HttpResponseMessage response, string error, string description)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(
            $"DPoP error=\"{error}\", error_description=\"{description}\", algs=\"{ResponseAssert.DefaultDPoPAlgs}\"",
            Assert.Single(response.Headers.GetValues("WWW-Authenticate")));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(error, json.RootElement.GetProperty("error").GetString());
        Assert.Equal(description, json.RootElement.GetProperty("error_description").GetString());
    }
}
