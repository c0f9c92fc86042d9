using System.Net;
using System.Text.Json;

namespace Auth0.Generated.Runtime.Tests;

/// <summary>Assertions on RFC 6750 answers.</summary>
internal static class ResponseAssert
{
    /// <summary>The <c>algs</c> of the default DPoP options.</summary>
    public const string DefaultDPoPAlgs = "ES256 ES384 ES512 PS256 PS384 PS512 RS256 RS384 RS512";

    /// <summary>
    /// 401 with the challenges of a request without usable credentials and no body: <c>Bearer</c> and
    /// <c>DPoP algs="..."</c> with DPoP allowed (the default), <c>Bearer</c> alone with <paramref name="dpopDisabled"/>.
    /// </summary>
    public static async Task BareChallenge(HttpResponseMessage response, bool dpopDisabled = false)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        string[] expected = dpopDisabled ? ["Bearer"] : ["Bearer", $"DPoP algs=\"{DefaultDPoPAlgs}\""];
        Assert.Equal(expected, response.Headers.GetValues("WWW-Authenticate"));
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The status, the challenge (error, description, scope) and the matching JSON body.</summary>
    public static async Task Error(HttpResponseMessage response, HttpStatusCode status, string error, string? description = null, string? scope = null)
    {
        Assert.Equal(status, response.StatusCode);
        var challenge = Assert.Single(response.Headers.GetValues("WWW-Authenticate"));
        Assert.StartsWith($"Bearer error=\"{error}\", error_description=\"", challenge);
        if (description is not null)
        {
            Assert.Contains($"error_description=\"{Escape(description)}\"", challenge);
        }

        if (scope is not null)
        {
            Assert.EndsWith($", scope=\"{scope}\"", challenge);
        }
        else if (error != "insufficient_scope")
        {
            Assert.DoesNotContain("scope=", challenge);
        }

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(error, body.RootElement.GetProperty("error").GetString());
        var bodyDescription = body.RootElement.GetProperty("error_description").GetString();
        Assert.False(string.IsNullOrEmpty(bodyDescription));
        if (description is not null)
        {
            Assert.Equal(description, bodyDescription);
        }

        Assert.Equal(2, body.RootElement.EnumerateObject().Count());
    }

    /// <summary>403 for a cookie token on a cross-origin unsafe request: a JSON error, no challenge (a token would not help).</summary>
    public static async Task CrossOrigin(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("WWW-Authenticate"));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("cross_origin_request", body.RootElement.GetProperty("error").GetString());
        Assert.StartsWith("Cross-origin request refused", body.RootElement.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    public static Task InvalidToken(HttpResponseMessage response, string? description = null)
        => Error(response, HttpStatusCode.Unauthorized, "invalid_token", description);

    public static async Task Ok(HttpResponseMessage response)
        => Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {string.Join(' ', response.Headers.WwwAuthenticate)} {await response.Content.ReadAsStringAsync()}");

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
