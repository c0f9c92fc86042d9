using Auth0.Generated.DPoP;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;

namespace Auth0.Generated.Runtime.Tests.DPoP;

/// <summary>
/// A DPoP mode per endpoint: a further Auth0 scheme (<c>AddAuth0Api("Auth0DPoP", o =&gt; o.DPoP.Mode = Required)</c>)
/// selected by the endpoint's policy, with the requirement attributes (which name the <c>Auth0</c> scheme) still
/// checking the token; the <c>Auth0</c> scheme steps aside there, so Bearer is not accepted through it.
/// </summary>
public sealed class DPoPPerEndpointSchemeTests : IssuerTests
{
    private const string Strict = "Auth0DPoP";

    private TestApiHost _api = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _api = await TestApiHost.StartAsync(Issuer, Map, services: services =>
        {
            new AuthenticationBuilder(services).AddAuth0Api(Strict, o => o.DPoP.Mode = DPoPMode.Required);
            services.AddAuthorization(o => o.AddPolicy("dpop-only", p => p.AddAuthenticationSchemes(Strict).RequireAuthenticatedUser()));
            services.AddOpenApi(o => o.AddAuth0Security());
        });
    }

    public override async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await base.DisposeAsync();
    }

    private static void Map(WebApplication app)
    {
        static string Sub(HttpContext c) => c.GetAccessToken()?.Sub ?? "(none)";
        app.MapOpenApi().AllowAnonymous();
        app.MapGet("/open-api", Sub).RequireScopes("read:data");
        app.MapGet("/strict", Sub).RequireScopes("read:data").RequireAuthorization(p => p.AddAuthenticationSchemes(Strict).RequireAuthenticatedUser());
        app.MapGet("/strict-attribute", [Authorize(AuthenticationSchemes = Strict)] [RequireScopes("read:data")] (HttpContext c) => Sub(c));
        app.MapGet("/strict-policy", Sub).RequireAuthorization("dpop-only").RequireScopes("read:data");
    }

    [Theory]
    [InlineData("/strict")]
    [InlineData("/strict-attribute")]
    [InlineData("/strict-policy")]
    public async Task The_selected_scheme_alone_answers_and_the_requirements_check_its_token(string path)
    {
        using var key = TestDPoPKey.Create();
        var bearer = Issuer.Token().Scope("read:data").Build();
        var bound = Issuer.BoundToken(key).With("sub", "dpop-user").Scope("read:data").Build();
        var boundWithoutScope = Issuer.BoundToken(key).Scope("read:other").Build();

        // Bearer is refused by the Required scheme, and not accepted through the Auth0 scheme (which allows Bearer).
        await DPoPTestSupport.DPoPError(await _api.Client.SendAsync(path, bearer, "Bearer"), HttpStatusCode.Unauthorized, "invalid_token", "The DPoP authorization scheme is required");

        // No credentials: the Required scheme's challenge only.
        var bare = await _api.Client.SendAsync(path, null, "Bearer");
        Assert.Equal(HttpStatusCode.Unauthorized, bare.StatusCode);
        Assert.Equal([$"DPoP algs=\"{ResponseAssert.DefaultDPoPAlgs}\""], DPoPTestSupport.Challenges(bare));

        // DPoP with a valid proof: accepted, the requirement checks the token (sub, scope) on the DPoP challenge.
        var ok = await _api.Client.SendAsync(path, bound, "DPoP", key.Proof(bound, path).Build());
        await ResponseAssert.Ok(ok);
        Assert.Equal("dpop-user", await ok.Content.ReadAsStringAsync());
        await DPoPTestSupport.DPoPError(
            await _api.Client.SendAsync(path, boundWithoutScope, "DPoP", key.Proof(boundWithoutScope, path).Build()),
            HttpStatusCode.Forbidden, "insufficient_scope", "Insufficient scope", scope: "read:data");

        // The proof checks are the scheme's: a replay and a bound token as Bearer are refused.
        var proof = key.Proof(bound, path).Build();
        await ResponseAssert.Ok(await _api.Client.SendAsync(path, bound, "DPoP", proof));
        await DPoPTestSupport.InvalidProof(await _api.Client.SendAsync(path, bound, "DPoP", proof), "DPoP proof was already used");
        await DPoPTestSupport.DPoPError(await _api.Client.SendAsync(path, bound, "Bearer"), HttpStatusCode.Unauthorized, "invalid_token", "The DPoP authorization scheme is required");
    }

    [Fact]
    public async Task Other_endpoints_keep_the_auth0_schemes_mode()
    {
        using var key = TestDPoPKey.Create();
        var bearer = Issuer.Token().Scope("read:data").Build();
        var bound = Issuer.BoundToken(key).Scope("read:data").Build();
        await ResponseAssert.Ok(await _api.Client.SendAsync("/open-api", bearer, "Bearer"));
        await ResponseAssert.Ok(await _api.Client.SendAsync("/open-api", bound, "DPoP", key.Proof(bound, "/open-api").Build()));
        await ResponseAssert.Error(await _api.Client.SendAsync("/open-api", bound, "Bearer"), HttpStatusCode.Unauthorized, "invalid_token", "A DPoP-bound access token must be sent with the DPoP authorization scheme");
        await ResponseAssert.Error(await _api.Client.SendAsync("/open-api", Issuer.Token().Scope("read:other").Build(), "Bearer"), HttpStatusCode.Forbidden, "insufficient_scope", "Insufficient scope", scope: "read:data");
        await ResponseAssert.BareChallenge(await _api.Client.SendAsync("/open-api", null, "Bearer"));
    }

    [Fact]
    public async Task The_openapi_document_follows_the_selected_schemes_mode()
    {
        using var document = System.Text.Json.JsonDocument.Parse(await _api.Client.GetStringAsync("/openapi/v1.json"));
        string[] Schemes(string path) => [.. document.RootElement.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("security")
            .EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name))];
        bool ProofHeader(string path) => document.RootElement.GetProperty("paths").GetProperty(path).GetProperty("get").TryGetProperty("parameters", out var parameters)
            && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == "DPoP" && p.GetProperty("required").GetBoolean());

        Assert.Equal(["Auth0", "DPoP"], Schemes("/open-api"));
        Assert.False(ProofHeader("/open-api"));
        foreach (var path in new[] { "/strict", "/strict-attribute", "/strict-policy" })
        {
            Assert.Equal(["DPoP"], Schemes(path));
            Assert.True(ProofHeader(path), path);
        }
    }

    [Fact]
    public async Task The_further_scheme_reads_the_same_configuration_and_serves_the_public_validator()
    {
        var validator = _api.Services.GetRequiredService<IAccessTokenValidator>();
        var bearer = Issuer.Token().Scope("read:data").Build();
        Assert.True((await validator.ValidateAsync(bearer)).IsValid);
        var strict = await validator.ValidateAsync(bearer, new AccessTokenValidationOptions { Scheme = Strict });
        Assert.Equal("The DPoP authorization scheme is required", strict.Failure?.Description);

        var options = _api.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Auth0ApiOptions>>();
        Assert.Equal(options.Get(Auth0ApiDefaults.AuthenticationScheme).Domain, options.Get(Strict).Domain);
        Assert.Equal(DPoPMode.Required, options.Get(Strict).DPoP.Mode);
        Assert.Equal(DPoPMode.Allowed, options.Get(Auth0ApiDefaults.AuthenticationScheme).DPoP.Mode);
    }

    [Fact]
    public async Task A_policy_provider_failure_is_not_remembered_for_the_endpoint()
    {
        // The endpoint's scheme selection asks the policy provider once; when the provider fails (here once, with an
        // exception that is not the "no such policy" one), the failure answers that request only, and the next request
        // asks again instead of failing for the life of the application.
        var flaky = new FailsOnce();
        await using var api = await TestApiHost.StartAsync(Issuer, Map, services: services =>
        {
            new AuthenticationBuilder(services).AddAuth0Api(Strict, o => o.DPoP.Mode = DPoPMode.Required);
            services.AddAuthorization(o => o.AddPolicy("dpop-only", p => p.AddAuthenticationSchemes(Strict).RequireAuthenticatedUser()));
            services.AddOpenApi(o => o.AddAuth0Security());
            services.AddSingleton<IAuthorizationPolicyProvider>(provider => flaky.Wrap(
                new DefaultAuthorizationPolicyProvider(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthorizationOptions>>())));
        });
        var bearer = Issuer.Token().Scope("read:data").Build();

        flaky.Armed = true;
        var failed = await Record.ExceptionAsync(async () =>
        {
            using var first = await api.Client.SendAsync("/strict-policy", bearer, "Bearer");
            Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        });
        Assert.True(failed is null or TimeoutException, failed?.ToString());
        Assert.Equal(1, flaky.Failures);

        // The selection is made again: the Required scheme alone answers Bearer on this endpoint, as it always should.
        await DPoPTestSupport.DPoPError(await api.Client.SendAsync("/strict-policy", bearer, "Bearer"), HttpStatusCode.Unauthorized, "invalid_token", "The DPoP authorization scheme is required");
        using var key = TestDPoPKey.Create();
        var bound = Issuer.BoundToken(key).Scope("read:data").Build();
        await ResponseAssert.Ok(await api.Client.SendAsync("/strict-policy", bound, "DPoP", key.Proof(bound, "/strict-policy").Build()));
        Assert.Equal(1, flaky.Failures);
    }

    /// <summary>A policy provider that throws <see cref="TimeoutException"/> on its first call once armed.</summary>
    private sealed class FailsOnce
    {
        private int _failures;

        public bool Armed { get; set; }

        public int Failures => _failures;

        public IAuthorizationPolicyProvider Wrap(IAuthorizationPolicyProvider inner) => new Provider(this, inner);

        private void MaybeFail()
        {
            if (Armed)
            {
                Armed = false;
                Interlocked.Increment(ref _failures);
                throw new TimeoutException("The policy store did not answer.");
            }
        }

        private sealed class Provider(FailsOnce owner, IAuthorizationPolicyProvider inner) : IAuthorizationPolicyProvider
        {
            public Task<AuthorizationPolicy> GetDefaultPolicyAsync()
            {
                owner.MaybeFail();
                return inner.GetDefaultPolicyAsync();
            }

            public Task<AuthorizationPolicy?> GetFallbackPolicyAsync()
            {
                owner.MaybeFail();
                return inner.GetFallbackPolicyAsync();
            }

            public Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
            {
                owner.MaybeFail();
                return inner.GetPolicyAsync(policyName);
            }
        }
    }
}
