using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Auth0.Generated.TokenExchange.Tests;

/// <summary>The development issuer's token endpoint: both exchanges with no tenant, through the handler conveniences.</summary>
public sealed class DevelopmentIssuerExchangeTests
{
    private const string DevelopmentType = "urn:auth0-generated:development-token";

    private static Task<TestApiHost> StartAsync(string environment = "Development", TestIssuer? issuer = null) => TestApiHost.StartAsync(
        issuer,
        app =>
        {
            app.MapGet("/calendar", [Authorize] async (HttpContext context, Auth0TokenVault vault) =>
            {
                var token = await vault.GetTokenAsync(context, "google-oauth2");
                return $"{token.Connection} {token.AccessToken}";
            });
            app.MapGet("/downstream", [Authorize] async (HttpContext context, ITokenExchangeClient exchange) =>
            {
                var result = await exchange.ExchangeAsync(new CustomTokenExchangeRequest
                {
                    SubjectToken = context.GetAccessToken()!.Jwt.EncodedToken,
                    SubjectTokenType = DevelopmentType,
                    Audience = "urn:downstream",
                    Scope = "read:things",
                });
                return result.AccessToken;
            });
        },
        environment: environment,
        services: services =>
        {
            services.AddAuth0TokenExchange();
            // The development issuer is this very app: its backchannel reaches it in memory.
            services.AddHttpClient(Auth0ApiDefaults.BackchannelHttpClientName)
                .ConfigurePrimaryHttpMessageHandler(provider => ((TestServer)provider.GetRequiredService<IServer>()).CreateHandler());
        });

    private static async Task<string> DevTokenAsync(TestApiHost host, string query = "scope=read%3Amessages")
        => await host.Client.GetStringAsync(new Uri("/dev/token?" + query, UriKind.Relative));

    private static async Task<string> GetAsync(TestApiHost host, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await host.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return body;
    }

    private static async Task<(HttpStatusCode Status, string Error)> PostTokenAsync(TestApiHost host, Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await host.Client.PostAsync(new Uri("/oauth/token", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return (response.StatusCode, string.Empty);
        }

        using var json = JsonDocument.Parse(body);
        return (response.StatusCode, json.RootElement.TryGetProperty("error", out var error) ? error.GetString()! : "(none)");
    }

    [Fact]
    public async Task A_handler_gets_the_callers_connection_token_with_no_tenant()
    {
        await using var host = await StartAsync();
        var body = await GetAsync(host, "/calendar", await DevTokenAsync(host));
        Assert.StartsWith("google-oauth2 dev-connection-google-oauth2-", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_custom_token_exchange_keeps_the_user_and_changes_the_audience()
    {
        await using var host = await StartAsync();
        var issued = new JsonWebToken(await GetAsync(host, "/downstream", await DevTokenAsync(host, "sub=alice")));
        Assert.Equal("alice", issued.Subject);
        Assert.Equal(["urn:downstream"], issued.Audiences);
        Assert.Equal("read:things", issued.GetPayloadValue<string>("scope"));
    }

    [Fact]
    public async Task The_token_endpoint_answers_with_the_protocol_member_names()
    {
        await using var host = await StartAsync();
        var token = await DevTokenAsync(host);
        async Task<JsonElement> PostAsync(Dictionary<string, string> form)
        {
            using var content = new FormUrlEncodedContent(form);
            using var response = await host.Client.PostAsync(new Uri("/oauth/token", UriKind.Relative), content);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.Clone();
        }

        // RFC 6749 section 5.1 and RFC 8693 section 2.2.1 member names; absent members are not written as null.
        var issued = await PostAsync(new()
        {
            ["client_id"] = "development-client",
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:token-exchange",
            ["subject_token_type"] = DevelopmentType,
            ["subject_token"] = token,
            ["audience"] = "urn:downstream",
            ["scope"] = "read:things",
        });
        Assert.Equal(
            ["access_token", "expires_in", "issued_token_type", "scope", "token_type"],
            issued.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(JsonValueKind.Number, issued.GetProperty("expires_in").ValueKind);
        Assert.Equal("urn:ietf:params:oauth:token-type:access_token", issued.GetProperty("issued_token_type").GetString());

        // RFC 6749 section 5.2.
        var refused = await PostAsync(new() { ["client_id"] = "development-client", ["grant_type"] = "client_credentials" });
        Assert.Equal(["error", "error_description"], refused.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_token_endpoint_refuses_what_it_does_not_trust()
    {
        await using var host = await StartAsync();
        var token = await DevTokenAsync(host);
        Dictionary<string, string> Form(params (string Name, string Value)[] parameters)
        {
            var form = new Dictionary<string, string> { ["client_id"] = "development-client" };
            foreach (var (name, value) in parameters)
            {
                form[name] = value;
            }

            return form;
        }

        var vault = ("grant_type", "urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token");
        var accessTokenType = ("subject_token_type", "urn:ietf:params:oauth:token-type:access_token");
        var requested = ("requested_token_type", "http://auth0.com/oauth/token-type/federated-connection-access-token");
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), await PostTokenAsync(host, Form(vault, accessTokenType, requested, ("connection", "github"), ("subject_token", token + "x"))));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_request"), await PostTokenAsync(host, Form(vault, accessTokenType, requested, ("connection", "git hub"), ("subject_token", token))));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_request"), await PostTokenAsync(host, Form(("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange"), ("subject_token_type", "urn:acme:untrusted"), ("subject_token", token))));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), await PostTokenAsync(host, Form(("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange"), ("subject_token_type", DevelopmentType), ("subject_token", "not-a-jwt"))));
        Assert.Equal((HttpStatusCode.BadRequest, "unsupported_grant_type"), await PostTokenAsync(host, Form(("grant_type", "client_credentials"))));
        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_client"), await PostTokenAsync(host, new Dictionary<string, string> { ["grant_type"] = "client_credentials" }));
    }

    [Fact]
    public async Task Outside_development_there_is_no_token_endpoint()
    {
        await using var issuer = await TestIssuer.StartAsync();
        await using var host = await StartAsync("Production", issuer);
        Assert.Equal(HttpStatusCode.NotFound, (await PostTokenAsync(host, new Dictionary<string, string> { ["client_id"] = "x" })).Status);
    }
}
