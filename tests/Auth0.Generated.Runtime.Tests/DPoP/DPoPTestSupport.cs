using System.Text.Json;

namespace Auth0.Generated.Runtime.Tests.DPoP;

/// <summary>Routes, requests and assertions of the DPoP tests.</summary>
internal static class DPoPTestSupport
{
    /// <summary>TestServer's base address: the URI the client addresses.</summary>
    public const string Origin = "http://localhost";

    public static void Map(WebApplication app)
    {
        app.MapGet("/dpop/private", (HttpContext c) => c.GetAccessToken()!.Sub ?? "(none)").RequireAuthorization();
        app.MapPost("/dpop/private", (HttpContext c) => "posted").RequireAuthorization();
        app.MapGet("/dpop/data", () => "data").RequireScopes("read:data");
        app.MapGet("/dpop/required", () => "bound").RequireDPoP();
        app.MapGet("/dpop/required-attribute", [RequireDPoP] () => "bound");
        app.MapGet("/dpop/a~b", () => "tilde").RequireAuthorization();
    }

    public static Task<TestApiHost> StartAsync(TestIssuer issuer, Action<Auth0ApiOptions>? configure = null, Action<IServiceCollection>? services = null)
        => TestApiHost.StartAsync(issuer, Map, configure, services: services);

    /// <summary>A token bound to <paramref name="key"/> (<c>cnf.jkt</c>).</summary>
    public static TestToken BoundToken(this TestIssuer issuer, TestDPoPKey key) => issuer.Token().With("cnf", key.Confirmation());

    /// <summary>A valid proof for <paramref name="method"/> on <paramref name="path"/> with <paramref name="token"/>.</summary>
    public static TestDPoPProof Proof(this TestDPoPKey key, string token, string path = "/dpop/private", string method = "GET")
        => new(key, method, Origin + path, token);

    /// <summary>Sends GET (or the given method) to <paramref name="path"/> with <c>Authorization: {scheme} {token}</c> and each proof as a <c>DPoP</c> header.</summary>
    public static async Task<HttpResponseMessage> SendAsync(this HttpClient client, string path, string? token, string scheme, params string[] proofs)
        => await client.SendMethodAsync("GET", path, token, scheme, proofs);

    public static async Task<HttpResponseMessage> SendMethodAsync(this HttpClient client, string method, string path, string? token, string scheme, params string[] proofs)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", scheme + " " + token);
        }

        foreach (var proof in proofs)
        {
            request.Headers.TryAddWithoutValidation("DPoP", proof);
        }

        return await client.SendAsync(request);
    }

    /// <summary>
    /// The status, exactly one <c>DPoP error="...", error_description="..."[, scope="..."], algs="..."</c> challenge and
    /// the matching JSON body.
    /// </summary>
    public static async Task DPoPError(HttpResponseMessage response, HttpStatusCode status, string error, string? description = null, string algs = ResponseAssert.DefaultDPoPAlgs, string? scope = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {string.Join(" | ", response.Headers.WwwAuthenticate)} {body}");
        var challenge = Assert.Single(response.Headers.GetValues("WWW-Authenticate"));
        var expected = $"DPoP error=\"{error}\", error_description=\"" + (description is null ? string.Empty : description.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"");
        Assert.StartsWith(expected, challenge, StringComparison.Ordinal);
        Assert.EndsWith((scope is null ? string.Empty : $", scope=\"{scope}\"") + $", algs=\"{algs}\"", challenge, StringComparison.Ordinal);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(error, json.RootElement.GetProperty("error").GetString());
        if (description is not null)
        {
            Assert.Equal(description, json.RootElement.GetProperty("error_description").GetString());
        }
    }

    /// <summary>401 <c>invalid_dpop_proof</c> with <paramref name="description"/>.</summary>
    public static Task InvalidProof(HttpResponseMessage response, string? description = null, string algs = ResponseAssert.DefaultDPoPAlgs)
        => DPoPError(response, HttpStatusCode.Unauthorized, "invalid_dpop_proof", description, algs);

    /// <summary>All the <c>WWW-Authenticate</c> values.</summary>
    public static IReadOnlyList<string> Challenges(HttpResponseMessage response)
        => response.Headers.TryGetValues("WWW-Authenticate", out var values) ? values.ToList() : [];
}
