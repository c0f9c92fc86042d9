using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Auth0.Generated.Testing;

namespace Auth0.Generated.Runtime.Tests;

/// <summary>One request to the quickstart sample and the answer docs/behaviour.md promises for it.</summary>
public sealed record SampleCase(
    string Name,
    string Method,
    string Path,
    Func<TestIssuer, TestToken?> Token,
    HttpStatusCode Status,
    string? Error = null,
    string? Description = null,
    string? Scope = null,
    string? BodyContains = null,
    bool ViaCookie = false,
    string? Body = null,
    string? Origin = null,
    string? FetchSite = null)
{
    public override string ToString() => Name;
}

/// <summary>Every sample route, allowed and refused; run in-process and against the sample started as a real process.</summary>
public static partial class SampleCases
{
    private const string Premium = "Premium tier or admin role required";
    private const string Panicked = "{\"message\":\"We've called the police!\"}";
    private const string CrossOrigin = "cross_origin_request";

    public static IReadOnlyList<SampleCase> All { get; } =
    [
        new("public without token", "GET", "/api/public", _ => null, HttpStatusCode.OK, BodyContains: "\"message\":\"Hello from a public endpoint!", Body: "{\"message\":\"Hello from a public endpoint! You don't need to be authenticated to see this.\",\"timestamp\":\"*\"}"),
        new("private without token", "GET", "/api/private", _ => null, HttpStatusCode.Unauthorized),
        new("private with token", "GET", "/api/private", i => i.Token(), HttpStatusCode.OK, BodyContains: "\"sub\":\"auth0|test-user\"", Body: "{\"message\":\"Hello from a private endpoint! You need to be authenticated to see this.\",\"sub\":\"auth0|test-user\",\"timestamp\":\"*\"}"),
        new("private with expired token", "GET", "/api/private", i => i.Token().NotBefore(TimeSpan.FromHours(-2)).ExpiresIn(TimeSpan.FromHours(-1)), HttpStatusCode.Unauthorized, "invalid_token"),
        new("private-scoped with scope", "GET", "/api/private-scoped", i => i.Token().Scope("read:messages"), HttpStatusCode.OK, BodyContains: "\"timestamp\":", Body: "{\"message\":\"Hello from a private endpoint! You need to be authenticated and have a scope of read:messages to see this.\",\"sub\":\"auth0|test-user\",\"timestamp\":\"*\"}"),
        new("private-scoped without scope", "GET", "/api/private-scoped", i => i.Token(), HttpStatusCode.Forbidden, "insufficient_scope", Scope: "read:messages"),
        new("messages with scope", "GET", "/api/messages", i => i.Token().Scope("read:messages"), HttpStatusCode.OK, BodyContains: "{\"messages\":[\"Hello!\",\"World!\"]}", Body: "{\"messages\":[\"Hello!\",\"World!\"]}"),
        new("messages with other scope", "GET", "/api/messages", i => i.Token().Scope("read:feed"), HttpStatusCode.Forbidden, "insufficient_scope", Scope: "read:messages"),
        new("feed with read:feed", "GET", "/api/feed", i => i.Token().Scope("read:feed"), HttpStatusCode.OK, Body: "{\"message\":\"Your feed: you have read:feed or read:admin.\",\"sub\":\"auth0|test-user\",\"timestamp\":\"*\"}"),
        new("feed with read:admin", "GET", "/api/feed", i => i.Token().Scope("read:admin"), HttpStatusCode.OK, Body: "{\"message\":\"Your feed: you have read:feed or read:admin.\",\"sub\":\"auth0|test-user\",\"timestamp\":\"*\"}"),
        new("feed with neither", "GET", "/api/feed", i => i.Token().Scope("read:messages"), HttpStatusCode.Forbidden, "insufficient_scope", Scope: "read:feed read:admin"),
        new("admin/edit with both", "GET", "/api/admin/edit", i => i.Token().Scope("read:admin write:admin"), HttpStatusCode.OK, Body: "{\"message\":\"You can edit: you have read:admin and write:admin.\",\"sub\":\"auth0|test-user\",\"timestamp\":\"*\"}"),
        new("admin/edit with one", "GET", "/api/admin/edit", i => i.Token().Scope("read:admin"), HttpStatusCode.Forbidden, "insufficient_scope", Scope: "read:admin write:admin"),
        new("admin with isAdmin true", "GET", "/api/admin", i => i.Token().With("isAdmin", true), HttpStatusCode.OK, Body: "{\"message\":\"Hello admin: your isAdmin claim is true.\",\"sub\":\"auth0|test-user\",\"timestamp\":\"*\"}"),
        new("admin with isAdmin \"true\"", "GET", "/api/admin", i => i.Token().With("isAdmin", "true"), HttpStatusCode.Unauthorized, "invalid_token", "Unexpected 'isAdmin' value"),
        new("admin without isAdmin", "GET", "/api/admin", i => i.Token(), HttpStatusCode.Unauthorized, "invalid_token", "Missing 'isAdmin' claim"),
        new("editor with admin and editor", "GET", "/api/editor", i => i.Token().Roles("admin", "editor"), HttpStatusCode.OK, Body: "{\"message\":\"Hello editor: your roles include admin and editor.\",\"sub\":\"auth0|test-user\",\"timestamp\":\"*\"}"),
        new("editor with superadmin and editor", "GET", "/api/editor", i => i.Token().Roles("superadmin", "editor"), HttpStatusCode.Unauthorized, "invalid_token", "Unexpected 'roles' value"),
        new("premium with premium tier", "GET", "/api/premium", i => i.Token().With("tier", "premium"), HttpStatusCode.OK, Body: "{\"message\":\"Welcome to premium content.\",\"sub\":\"auth0|test-user\",\"timestamp\":\"*\"}"),
        new("premium with admin role", "GET", "/api/premium", i => i.Token().Roles("admin"), HttpStatusCode.OK, Body: "{\"message\":\"Welcome to premium content.\",\"sub\":\"auth0|test-user\",\"timestamp\":\"*\"}"),
        new("premium with neither", "GET", "/api/premium", i => i.Token().With("tier", "free"), HttpStatusCode.Unauthorized, "invalid_token", Premium),
        new("panic as teller", "POST", "/panic", i => i.Token().Roles("teller"), HttpStatusCode.OK, BodyContains: "{\"message\":\"We've called the police!\"}", Body: "{\"message\":\"We've called the police!\"}"),
        new("panic as teller via app.at cookie", "POST", "/panic", i => i.Token().Roles("teller"), HttpStatusCode.OK, ViaCookie: true, Body: "{\"message\":\"We've called the police!\"}"),
        new("panic as customer", "POST", "/panic", i => i.Token().Roles("customer"), HttpStatusCode.Forbidden, "insufficient_scope"),
        new("panic without token", "POST", "/panic", _ => null, HttpStatusCode.Unauthorized),
        new("make-change as customer", "GET", "/make-change?total=1.02", i => i.Token().Roles("customer"), HttpStatusCode.OK, BodyContains: "{\"total\":1.02,\"nickels\":20,\"pennies\":2}", Body: "{\"total\":1.02,\"nickels\":20,\"pennies\":2}"),
        new("make-change as teller via cookie", "GET", "/make-change?total=0.5", i => i.Token().Roles("teller"), HttpStatusCode.OK, BodyContains: "{\"total\":0.5,\"nickels\":10,\"pennies\":0}", ViaCookie: true, Body: "{\"total\":0.5,\"nickels\":10,\"pennies\":0}"),
        new("make-change with a bad total", "GET", "/make-change?total=abc", i => i.Token().Roles("customer"), HttpStatusCode.BadRequest, BodyContains: "{\"error\":\"Invalid or missing \\u0022total\\u0022 parameter\"}", Body: "{\"error\":\"Invalid or missing \\u0022total\\u0022 parameter\"}"),
        new("make-change without total", "GET", "/make-change", i => i.Token().Roles("customer"), HttpStatusCode.BadRequest, BodyContains: "Invalid or missing", Body: "{\"error\":\"Invalid or missing \\u0022total\\u0022 parameter\"}"),
        new("make-change without a bank role", "GET", "/make-change?total=1.02", i => i.Token().Roles("visitor"), HttpStatusCode.Forbidden, "insufficient_scope"),

        // Issue 12: token shapes IdentityModel alone accepts.
        new("private with exp as a string", "GET", "/api/private", i => i.Token().WithJson("exp", "\"9999999999\""), HttpStatusCode.Unauthorized, "invalid_token", "\"exp\" claim must be a number"),
        new("private with nbf as a string", "GET", "/api/private", i => i.Token().WithJson("nbf", "\"1\""), HttpStatusCode.Unauthorized, "invalid_token", "\"nbf\" claim must be a number"),
        new("private with iat as a string", "GET", "/api/private", i => i.Token().WithJson("iat", "\"1\""), HttpStatusCode.Unauthorized, "invalid_token", "\"iat\" claim must be a number"),
        new("private with crit [\"foo\"]", "GET", "/api/private", i => i.Token().HeaderJson("crit", "[\"foo\"]"), HttpStatusCode.Unauthorized, "invalid_token", "unsupported \"crit\" header parameter"),
        new("private with crit []", "GET", "/api/private", i => i.Token().HeaderJson("crit", "[]"), HttpStatusCode.Unauthorized, "invalid_token", "unsupported \"crit\" header parameter"),
        new("private with crit {}", "GET", "/api/private", i => i.Token().HeaderJson("crit", "{}"), HttpStatusCode.Unauthorized, "invalid_token", "unsupported \"crit\" header parameter"),
        new("private with crit null", "GET", "/api/private", i => i.Token().HeaderJson("crit", "null"), HttpStatusCode.Unauthorized, "invalid_token", "unsupported \"crit\" header parameter"),
        new("private with bytes after the header object", "GET", "/api/private", i => i.Token().Trailing("garbage", ""), HttpStatusCode.Unauthorized, "invalid_token", "Invalid Compact JWS"),
        new("private with bytes after the payload object", "GET", "/api/private", i => i.Token().Trailing("", "garbage"), HttpStatusCode.Unauthorized, "invalid_token", "Invalid Compact JWS"),

        // Issue 12: a cookie token on an unsafe method from another origin (a form on another site) never reaches the handler.
        new("panic via cookie from a cross-site form", "POST", "/panic", i => i.Token().Roles("teller"), HttpStatusCode.Forbidden, CrossOrigin, ViaCookie: true, Origin: "https://evil.example", FetchSite: "cross-site"),
        new("panic via cookie, Sec-Fetch-Site same-site", "POST", "/panic", i => i.Token().Roles("teller"), HttpStatusCode.Forbidden, CrossOrigin, ViaCookie: true, FetchSite: "same-site"),
        new("panic via cookie, old browser, foreign Origin", "POST", "/panic", i => i.Token().Roles("teller"), HttpStatusCode.Forbidden, CrossOrigin, ViaCookie: true, Origin: "https://evil.example"),
        new("panic via cookie, Origin null", "POST", "/panic", i => i.Token().Roles("teller"), HttpStatusCode.Forbidden, CrossOrigin, ViaCookie: true, Origin: "null"),
        new("panic via cookie, Sec-Fetch-Site same-origin", "POST", "/panic", i => i.Token().Roles("teller"), HttpStatusCode.OK, ViaCookie: true, Body: Panicked, FetchSite: "same-origin"),
        new("panic via cookie, Sec-Fetch-Site none", "POST", "/panic", i => i.Token().Roles("teller"), HttpStatusCode.OK, ViaCookie: true, Body: Panicked, FetchSite: "none"),
        new("panic via cookie from the trusted single-page app", "POST", "/panic", i => i.Token().Roles("teller"), HttpStatusCode.OK, ViaCookie: true, Body: Panicked, Origin: "http://localhost:3000", FetchSite: "same-site"),
        new("panic via bearer header from a cross-site page", "POST", "/panic", i => i.Token().Roles("teller"), HttpStatusCode.OK, Body: Panicked, Origin: "https://evil.example", FetchSite: "cross-site"),
        new("make-change via cookie from a cross-site page (GET is safe)", "GET", "/make-change?total=0.5", i => i.Token().Roles("teller"), HttpStatusCode.OK, ViaCookie: true, Body: "{\"total\":0.5,\"nickels\":10,\"pennies\":0}", Origin: "https://evil.example", FetchSite: "cross-site"),
    ];

    public static IEnumerable<object[]> Data()
    {
        foreach (var item in All)
        {
            yield return [item];
        }
    }

    /// <summary>Sends the case and asserts the answer.</summary>
    public static async Task RunAsync(HttpClient client, TestIssuer issuer, SampleCase item)
    {
        using var request = new HttpRequestMessage(new HttpMethod(item.Method), item.Path);
        if (item.Token(issuer) is { } token)
        {
            if (item.ViaCookie)
            {
                request.Headers.Add("Cookie", "app.at=" + token.Build());
            }
            else
            {
                request.Headers.Add("Authorization", "Bearer " + token.Build());
            }
        }

        if (item.Origin is not null)
        {
            request.Headers.Add("Origin", item.Origin);
        }

        if (item.FetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", item.FetchSite);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(item.Status == response.StatusCode, $"{item.Name}: expected {(int)item.Status}, got {(int)response.StatusCode} {response.Headers.WwwAuthenticate} {body}");
        if (item.Error == CrossOrigin)
        {
            await ResponseAssert.CrossOrigin(response);
        }
        else if (item.Error is not null)
        {
            await ResponseAssert.Error(response, item.Status, item.Error, item.Description, item.Scope);
        }
        else if (item.Status == HttpStatusCode.Unauthorized)
        {
            await ResponseAssert.BareChallenge(response);
        }

        if (item.Body is not null)
        {
            // The whole answer, byte for byte, but for the clock.
            Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
            Assert.Equal(item.Body, Timestamp().Replace(body, "\"timestamp\":\"*\""));
        }
        else if (item.Status == HttpStatusCode.OK)
        {
            Assert.Fail($"{item.Name}: a 200 case must give its whole expected body.");
        }

        if (item.BodyContains is not null)
        {
            Assert.Contains(item.BodyContains, body, StringComparison.Ordinal);
            using var _ = JsonDocument.Parse(body);
        }
    }

    [GeneratedRegex(@"""timestamp"":""\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z""")]
    private static partial Regex Timestamp();
}
