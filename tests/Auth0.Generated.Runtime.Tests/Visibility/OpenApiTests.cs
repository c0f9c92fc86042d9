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

    /// <summary>The operation's security requirements as lists of Auth0 scopes; null when it has none.</summary>
    private static List<List<string>>? Security(JsonDocument document, string path, string method)
    {
        if (!Operation(document, path, method).TryGetProperty("security", out var security))
        {
            return null;
        }

        return [.. security.EnumerateArray().Select(requirement => requirement.GetProperty("Auth0").EnumerateArray().Select(s => s.GetString()!).ToList())];
    }
}
