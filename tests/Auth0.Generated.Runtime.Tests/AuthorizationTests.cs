using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Logging;

namespace Auth0.Generated.Runtime.Tests;

/// <summary>docs/behaviour.md, "Answering a failure" and "Reading claims", and the ASP.NET Core authorization integration.</summary>
public sealed class AuthorizationTests(IssuerFixture fixture) : SharedIssuerTests(fixture)
{

    private Task<HttpResponseMessage> Call(string path, TestToken token) => Api.Client.GetAsync(path, token.Build());

    [Theory]
    [InlineData("/scoped")]
    [InlineData("/scoped-attribute")]
    public async Task Required_scope_present_passes_and_missing_is_403_naming_it(string path)
    {
        await ResponseAssert.Ok(await Call(path, Issuer.Token().Scope("openid read:messages profile")));
        await ResponseAssert.Ok(await Call(path, Issuer.Token().With("scope", new[] { "read:messages" })));
        await ResponseAssert.Error(await Call(path, Issuer.Token().Scope("read:other")), HttpStatusCode.Forbidden, "insufficient_scope", scope: "read:messages");
        await ResponseAssert.Error(await Call(path, Issuer.Token()), HttpStatusCode.Forbidden, "insufficient_scope", scope: "read:messages");
        await ResponseAssert.BareChallenge(await Api.Client.GetAsync(path, token: null));
    }

    [Fact]
    public async Task All_of_scopes()
    {
        await ResponseAssert.Ok(await Call("/all", Issuer.Token().Scope("read:admin write:admin")));
        await ResponseAssert.Error(await Call("/all", Issuer.Token().Scope("read:admin")), HttpStatusCode.Forbidden, "insufficient_scope", scope: "read:admin write:admin");
    }

    [Fact]
    public async Task Any_of_scopes()
    {
        await ResponseAssert.Ok(await Call("/any", Issuer.Token().Scope("read:feed")));
        await ResponseAssert.Ok(await Call("/any", Issuer.Token().Scope("read:admin")));
        await ResponseAssert.Error(await Call("/any", Issuer.Token().Scope("write:feed")), HttpStatusCode.Forbidden, "insufficient_scope", scope: "read:feed read:admin");
    }

    [Fact]
    public async Task Scope_comparison_is_exact_and_case_sensitive()
    {
        await ResponseAssert.Error(await Call("/scoped", Issuer.Token().Scope("Read:messages")), HttpStatusCode.Forbidden, "insufficient_scope");
        await ResponseAssert.Error(await Call("/scoped", Issuer.Token().Scope("read:messages2")), HttpStatusCode.Forbidden, "insufficient_scope");
    }

    [Fact]
    public async Task Permissions_satisfy_scopes_only_when_enabled()
    {
        var token = Issuer.Token().With("permissions", new[] { "read:messages" }).Build();
        await ResponseAssert.Error(await Api.Client.GetAsync("/scoped", token), HttpStatusCode.Forbidden, "insufficient_scope");
        await using var api = await TestRoutes.StartHostAsync(Issuer, configuration: new Dictionary<string, string?> { ["Auth0:PermissionsAsScopes"] = "true" });
        await ResponseAssert.Ok(await api.Client.GetAsync("/scoped", token));
    }

    [Fact]
    public async Task Claim_equals_is_strictly_typed()
    {
        await ResponseAssert.Ok(await Call("/admin", Issuer.Token().With("isAdmin", true)));
        await ResponseAssert.InvalidToken(await Call("/admin", Issuer.Token().With("isAdmin", "true")), "Unexpected 'isAdmin' value");
        await ResponseAssert.InvalidToken(await Call("/admin", Issuer.Token().With("isAdmin", false)), "Unexpected 'isAdmin' value");
        await ResponseAssert.InvalidToken(await Call("/admin", Issuer.Token()), "Missing 'isAdmin' claim");
        await ResponseAssert.Ok(await Call("/tier", Issuer.Token().With("tier", "gold")));
        await ResponseAssert.InvalidToken(await Call("/tier", Issuer.Token().With("tier", "Gold")), "Unexpected 'tier' value");
        await ResponseAssert.Ok(await Call("/level", Issuer.Token().With("level", 3L)));
        await ResponseAssert.InvalidToken(await Call("/level", Issuer.Token().With("level", "3")), "Unexpected 'level' value");
    }

    [Fact]
    public async Task Claim_includes_is_exact_element_membership_of_array_or_space_separated_string()
    {
        await ResponseAssert.Ok(await Call("/editor", Issuer.Token().Roles("editor", "admin", "x")));
        await ResponseAssert.Ok(await Call("/editor", Issuer.Token().With("roles", "admin editor")));
        await ResponseAssert.InvalidToken(await Call("/editor", Issuer.Token().Roles("superadmin", "editor")), "Unexpected 'roles' value");
        await ResponseAssert.InvalidToken(await Call("/editor", Issuer.Token().With("roles", "superadmin editor")), "Unexpected 'roles' value");
        await ResponseAssert.InvalidToken(await Call("/editor", Issuer.Token()), "Missing 'roles' claim");
    }

    [Fact]
    public async Task Roles_any_of_on_the_roles_claim()
    {
        await ResponseAssert.Ok(await Call("/teller", Issuer.Token().Roles("customer", "teller")));
        await ResponseAssert.Error(await Call("/teller", Issuer.Token().Roles("customer")), HttpStatusCode.Forbidden, "insufficient_scope");
        await ResponseAssert.Error(await Call("/teller", Issuer.Token().With("roles", "superteller")), HttpStatusCode.Forbidden, "insufficient_scope");
    }

    [Fact]
    public async Task Roles_claim_is_configurable()
    {
        await using var api = await TestRoutes.StartHostAsync(Issuer, o => o.RolesClaim = "https://example.com/roles");
        await ResponseAssert.Ok(await api.Client.GetAsync("/teller", Issuer.Token().With("https://example.com/roles", new[] { "teller" }).Build()));
        await ResponseAssert.Error(await api.Client.GetAsync("/teller", Issuer.Token().Roles("teller").Build()), HttpStatusCode.Forbidden, "insufficient_scope");
    }

    [Fact]
    public async Task Custom_checks_answer_their_message()
    {
        await ResponseAssert.Ok(await Call("/check", Issuer.Token().With("tier", "premium")));
        await ResponseAssert.InvalidToken(await Call("/check", Issuer.Token().With("tier", "free")), "Premium tier required");
        await ResponseAssert.Ok(await Call("/check-async", Issuer.Token().Scope("async")));
        await ResponseAssert.InvalidToken(await Call("/check-async", Issuer.Token()), "Async check failed");
    }

    [Fact]
    public async Task Typed_tokens_reach_checks_and_handlers()
    {
        var response = await Call("/typed", Issuer.Token().With("tier", "gold"));
        await ResponseAssert.Ok(response);
        Assert.Equal("gold", await response.Content.ReadAsStringAsync());
        await ResponseAssert.InvalidToken(await Call("/typed", Issuer.Token().With("tier", "silver")), "Gold tier required");
    }

    [Fact]
    public async Task A_check_that_throws_is_logged_and_answers_401_with_its_message_escaped()
    {
        var response = await Call("/throws", Issuer.Token());
        await ResponseAssert.InvalidToken(response, TestRoutes.ThrowingCheckMessage);
        Assert.Contains("error_description=\"Check \\\"failed\\\" with a \\\\ backslash\"", string.Join(' ', response.Headers.GetValues("WWW-Authenticate")));
        await ResponseAssert.InvalidToken(await Call("/throws-attribute", Issuer.Token()), ClaimCheckAttribute.DefaultMessage);
        Assert.Contains(Api.Logs, l => l.Level == LogLevel.Warning && l.Exception?.Message == "boom");
        Assert.DoesNotContain(Api.Logs, l => l.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Group_requirements_compose_with_AND_and_AllowAnonymous_wins()
    {
        await ResponseAssert.Ok(await Call("/group/closed", Issuer.Token().Scope("read:group")));
        await ResponseAssert.Error(await Call("/group/closed", Issuer.Token()), HttpStatusCode.Forbidden, "insufficient_scope", scope: "read:group");
        await ResponseAssert.Ok(await Api.Client.GetAsync("/group/open", token: null));
        await ResponseAssert.Ok(await Call("/group/and", Issuer.Token().Scope("read:group write:group")));
        await ResponseAssert.Error(await Call("/group/and", Issuer.Token().Scope("read:group")), HttpStatusCode.Forbidden, "insufficient_scope", scope: "write:group");
        await ResponseAssert.Error(await Call("/group/and", Issuer.Token().Scope("write:group")), HttpStatusCode.Forbidden, "insufficient_scope", scope: "read:group");
    }

    [Fact]
    public async Task Stock_policies_forbid_with_a_bearer_challenge()
    {
        await ResponseAssert.Ok(await Call("/role-policy", Issuer.Token().Roles("admin")));
        await ResponseAssert.Error(await Call("/role-policy", Issuer.Token().Roles("user")), HttpStatusCode.Forbidden, "insufficient_scope");
        await ResponseAssert.BareChallenge(await Api.Client.GetAsync("/role-policy", token: null));
        await ResponseAssert.InvalidToken(await Api.Client.GetAsync("/role-policy", "a.b.c"));
    }

    [Fact]
    public async Task Fallback_policy_protects_endpoints_without_metadata()
    {
        await using var api = await TestApiHost.StartAsync(
            Issuer,
            TestRoutes.Map,
            services: s => s.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build()));
        await ResponseAssert.BareChallenge(await api.Client.GetAsync("/user", token: null));
        await ResponseAssert.Ok(await api.Client.GetAsync("/user", Issuer.Token().Build()));
    }
}
