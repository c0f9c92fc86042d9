using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;

namespace Auth0.Generated.Runtime.Tests.Visibility;

/// <summary>The OpenAPI document of <c>options.AddAuth0Security()</c>: scheme, per-operation scopes, 401/403, descriptions.</summary>
public sealed class OpenApiTests : IssuerTests
{
    [Fact]
    public async Task Document_of_an_app_with_every_requirement_kind_matches_its_baseline()
    {
        await using var api = await EveryRequirementApp.StartAsync(Issuer);
        var document = await api.Client.GetStringAsync("/openapi/v1.json");
        TextBaseline.Verify(document.Replace(Issuer.Issuer, "https://issuer.test/", StringComparison.Ordinal), "EveryRequirement.openapi.json");
    }

    [Fact]
    public async Task Scopes_per_operation_all_of_in_one_requirement_any_of_as_alternatives()
    {
        await using var api = await EveryRequirementApp.StartAsync(Issuer);
        using var document = JsonDocument.Parse(await api.Client.GetStringAsync("/openapi/v1.json"));
        Assert.Equal([["read:messages"]], Security(document, "/scoped", "get"));
        Assert.Equal([["read:admin", "write:admin"]], Security(document, "/all-scopes", "get"));
        Assert.Equal([["read:feed"], ["read:admin"]], Security(document, "/any-scope", "get"));
        Assert.Equal([["read:admin", "export:csv"], ["read:admin", "export:pdf"]], Security(document, "/all-and-any", "get"));
        Assert.Equal([["read:reports", "export:csv"], ["read:reports", "export:pdf"]], Security(document, "/reports/export", "get"));
        Assert.Equal([[]], Security(document, "/claims", "get"));
        Assert.Equal([[]], Security(document, "/fallback", "get"));
        Assert.Equal([["read:orders", "write:orders"]], Security(document, "/api/orders", "post"));
        Assert.Null(Security(document, "/public", "get"));
        Assert.Null(Security(document, "/reports/open", "get"));
        Assert.Null(Security(document, "/api/orders/status", "get"));

        var claims = Operation(document, "/claims", "get");
        Assert.Contains("isAdmin == true; roles includes admin, editor", claims.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(claims.GetProperty("responses").TryGetProperty("401", out _));
        Assert.False(claims.GetProperty("responses").TryGetProperty("403", out _));
        Assert.True(Operation(document, "/scoped", "get").GetProperty("responses").TryGetProperty("403", out var forbidden));
        Assert.Equal("#/components/schemas/Auth0Error", forbidden.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.Contains("Premium tier required", Operation(document, "/check", "get").GetProperty("description").GetString(), StringComparison.Ordinal);

        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("Auth0");
        Assert.Equal("oauth2", scheme.GetProperty("type").GetString());
        var flow = scheme.GetProperty("flows").GetProperty("authorizationCode");
        Assert.Equal(Issuer.Issuer + "authorize", flow.GetProperty("authorizationUrl").GetString());
        Assert.Equal(Issuer.Issuer + "oauth/token", flow.GetProperty("tokenUrl").GetString());
        Assert.True(flow.GetProperty("scopes").TryGetProperty("write:orders", out _));
    }

    [Fact]
    public async Task Dpop_is_an_alternative_everywhere_and_the_only_scheme_where_an_endpoint_requires_it()
    {
        await using var api = await EveryRequirementApp.StartAsync(Issuer);
        using var document = JsonDocument.Parse(await api.Client.GetStringAsync("/openapi/v1.json"));

        // Mode Allowed (the default): the same scope alternatives with either scheme.
        Assert.Equal([["read:feed"], ["read:admin"]], Security(document, "/any-scope", "get", "DPoP"));
        Assert.Equal([["read:feed"], ["read:admin"]], Security(document, "/any-scope", "get"));
        Assert.Equal([[]], Security(document, "/claims", "get", "DPoP"));
        Assert.False(RequiresProofHeader(document, "/scoped", "get"));

        // [RequireDPoP] and .RequireDPoP(): DPoP only, with the proof header.
        Assert.Equal([[]], Security(document, "/dpop", "get", "DPoP"));
        Assert.Equal([], Security(document, "/dpop", "get"));
        Assert.True(RequiresProofHeader(document, "/dpop", "get"));
        Assert.Equal([["read:messages"]], Security(document, "/dpop/scoped", "get", "DPoP"));
        Assert.Equal([], Security(document, "/dpop/scoped", "get"));
        Assert.True(RequiresProofHeader(document, "/dpop/scoped", "get"));
        Assert.Contains("DPoP (bound token and proof)", Operation(document, "/dpop", "get").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("invalid_dpop_proof", Operation(document, "/dpop", "get").GetProperty("responses").GetProperty("401").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Null(Security(document, "/public", "get", "DPoP"));

        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("DPoP");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("DPoP", scheme.GetProperty("scheme").GetString());
        Assert.Contains("`DPoP` header", scheme.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("ES256, ES384, ES512, PS256", scheme.GetProperty("description").GetString(), StringComparison.Ordinal);
        var errors = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("Auth0Error")
            .GetProperty("properties").GetProperty("error").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.Contains("invalid_dpop_proof", errors);
        Assert.DoesNotContain("use_dpop_nonce", errors);  // nonces are not required here
        Assert.DoesNotContain("use_dpop_nonce", Operation(document, "/dpop", "get").GetProperty("responses").GetProperty("401").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Auth0.Generated.DPoP.DPoPMode.Required)]
    [InlineData(Auth0.Generated.DPoP.DPoPMode.Disabled)]
    public async Task The_dpop_mode_decides_which_schemes_the_document_offers(Auth0.Generated.DPoP.DPoPMode mode)
    {
        await using var api = await TestApiHost.StartAsync(
            Issuer,
            app =>
            {
                app.MapOpenApi().AllowAnonymous();
                app.MapGet("/scoped", () => "ok").RequireScopes("read:messages");
                app.MapGet("/dpop", () => "ok").RequireDPoP();
            },
            options =>
            {
                options.DPoP.Mode = mode;
                options.DPoP.RequireNonce = mode == Auth0.Generated.DPoP.DPoPMode.Required;
                options.DPoP.Algorithms.Remove("RS256");
            },
            services: services => services.AddOpenApi(options => options.AddAuth0Security()));
        using var document = JsonDocument.Parse(await api.Client.GetStringAsync("/openapi/v1.json"));
        var schemes = document.RootElement.GetProperty("components").GetProperty("securitySchemes");
        var errors = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("Auth0Error")
            .GetProperty("properties").GetProperty("error").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToArray();
        if (mode == Auth0.Generated.DPoP.DPoPMode.Required)
        {
            // Bearer is refused everywhere: DPoP is the only scheme, with its proof header, on every protected operation.
            Assert.Equal([], Security(document, "/scoped", "get"));
            Assert.Equal([["read:messages"]], Security(document, "/scoped", "get", "DPoP"));
            Assert.True(RequiresProofHeader(document, "/scoped", "get"));
            Assert.True(RequiresProofHeader(document, "/dpop", "get"));
            var description = schemes.GetProperty("DPoP").GetProperty("description").GetString();
            Assert.Contains("`DPoP-Nonce`", description, StringComparison.Ordinal);
            Assert.Contains("RS384", description, StringComparison.Ordinal);
            Assert.DoesNotContain("RS256", description, StringComparison.Ordinal);
            Assert.Contains("use_dpop_nonce", errors);
            Assert.Contains("use_dpop_nonce", Operation(document, "/scoped", "get").GetProperty("responses").GetProperty("401").GetProperty("description").GetString(), StringComparison.Ordinal);
        }
        else
        {
            // No DPoP at all: no scheme, no requirement, no proof header, no DPoP error codes.
            Assert.False(schemes.TryGetProperty("DPoP", out _));
            Assert.Equal([["read:messages"]], Security(document, "/scoped", "get"));
            Assert.Equal([], Security(document, "/scoped", "get", "DPoP"));
            Assert.False(RequiresProofHeader(document, "/scoped", "get"));
            Assert.False(RequiresProofHeader(document, "/dpop", "get"));
            Assert.DoesNotContain("invalid_dpop_proof", errors);
        }
    }

    [Fact]
    public async Task Without_discovery_endpoints_the_scheme_is_http_bearer_jwt()
    {
        // The JWKS address is configured: no discovery document, so no authorization or token endpoint is known.
        await using var api = await TestApiHost.StartAsync(
            Issuer,
            app =>
            {
                app.MapOpenApi().AllowAnonymous();
                app.MapGet("/scoped", () => "ok").RequireScopes("read:messages");
            },
            options => options.JwksUri = Issuer.Issuer + ".well-known/jwks.json",
            services: services => services.AddOpenApi(options => options.AddAuth0Security()));
        using var document = JsonDocument.Parse(await api.Client.GetStringAsync("/openapi/v1.json"));
        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("Auth0");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.Equal("JWT", scheme.GetProperty("bearerFormat").GetString());
        Assert.Equal([["read:messages"]], Security(document, "/scoped", "get"));
    }

    [Fact]
    public async Task The_sample_document_lists_the_sample_scopes_per_operation()
    {
        await using var factory = EndpointSecurityTests.SampleInDevelopment(Issuer);
        using var client = factory.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        Assert.Null(Security(document, "/api/public", "get"));
        Assert.Equal([[]], Security(document, "/api/private", "get"));
        Assert.Equal([["read:messages"]], Security(document, "/api/private-scoped", "get"));
        Assert.Equal([["read:messages"]], Security(document, "/api/messages", "get"));
        Assert.Equal([["read:feed"], ["read:admin"]], Security(document, "/api/feed", "get"));
        Assert.Equal([["read:admin", "write:admin"]], Security(document, "/api/admin/edit", "get"));
        Assert.Equal([[]], Security(document, "/api/admin", "get"));
        Assert.Equal([[]], Security(document, "/panic", "post"));
        Assert.Contains("isAdmin == true", Operation(document, "/api/admin", "get").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("roles includes admin, editor", Operation(document, "/api/editor", "get").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("Premium tier or admin role required", Operation(document, "/api/premium", "get").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("roles any of: teller", Operation(document, "/panic", "post").GetProperty("description").GetString(), StringComparison.Ordinal);

        // The catalog's descriptions name the scopes of the OAuth 2.0 flows.
        var scopes = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("Auth0")
            .GetProperty("flows").GetProperty("authorizationCode").GetProperty("scopes");
        Assert.Equal("Read messages", scopes.GetProperty("read:messages").GetString());
        Assert.Equal(["read:admin", "read:feed", "read:messages", "write:admin"], scopes.EnumerateObject().Select(p => p.Name).ToArray());
    }

    private static JsonElement Operation(JsonDocument document, string path, string method)
        => document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method);

    /// <summary>
    /// The operation's security requirements naming <paramref name="scheme"/>, as lists of scopes; null when the operation
    /// has no security at all. Every requirement names exactly one scheme (the alternatives are Auth0 or DPoP, never both).
    /// </summary>
    private static List<List<string>>? Security(JsonDocument document, string path, string method, string scheme = "Auth0")
    {
        if (!Operation(document, path, method).TryGetProperty("security", out var security))
        {
            return null;
        }

        Assert.All(security.EnumerateArray(), requirement => Assert.Single(requirement.EnumerateObject()));
        return [.. security.EnumerateArray()
            .Where(requirement => requirement.TryGetProperty(scheme, out _))
            .Select(requirement => requirement.GetProperty(scheme).EnumerateArray().Select(s => s.GetString()!).ToList())];
    }

    /// <summary>Whether the operation has a required <c>DPoP</c> header parameter.</summary>
    private static bool RequiresProofHeader(JsonDocument document, string path, string method)
        => Operation(document, path, method).TryGetProperty("parameters", out var parameters)
            && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == "DPoP" && p.GetProperty("in").GetString() == "header"
                && p.GetProperty("required").GetBoolean());
}
