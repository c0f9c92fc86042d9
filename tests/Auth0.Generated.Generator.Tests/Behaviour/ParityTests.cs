using Auth0.Generated.Authorization;

namespace Auth0.Generated.Generator.Tests.Behaviour;

/// <summary>Every generated check answers exactly as the runtime's interpreted check for the same declaration.</summary>
public class ParityTests
{
    private static readonly string[] Payloads =
    [
        """{}""",
        """{"sub": "u", "scope": "read:messages write:messages", "roles": ["admin", "editor"], "isAdmin": true, "verified": false, "tier": "gold", "name": "", "level": 3, "big": -9223372036854775808, "ratio": 0.1, "score": 1e21, "https://myapp.com/org_id": "org_é\"1\"", "https://myapp.com/groups": "g0 g1"}""",
        """{"scope": ["read:all"], "roles": "superadmin editor", "isAdmin": "true", "verified": "false", "tier": "Gold", "name": "x", "level": 3.0, "big": "1", "ratio": 0.10000000000000002, "score": 1000000000000000000000, "https://myapp.com/org_id": null, "https://myapp.com/groups": ["g10"]}""",
        """{"scope": "Read:messages", "roles": [], "isAdmin": false, "verified": true, "tier": ["gold"], "name": null, "level": 3000000000, "big": 1, "ratio": 1, "score": 12, "https://myapp.com/groups": [1]}""",
        """{"scope": "read:messages", "permissions": ["write:messages"], "roles": "admin", "isAdmin": null, "level": -3, "ratio": "0.1", "score": true}""",
        """{"sub": "u", "tier": "gold", "isAdmin": true, "level": 500}""", // the custom check throws
        """{"sub": "u", "level": 7}""", // the custom check returns false
    ];

    public static IEnumerable<object[]> Declarations()
        => typeof(Endpoints).GetMethod(nameof(Endpoints.Everything))!
            .GetCustomAttributes<Auth0RequirementAttribute>()
            .Select(a => new object[] { a.RequirementKey });

    [Theory]
    [MemberData(nameof(Declarations))]
    public async Task Generated_and_interpreted_checks_agree(string key)
    {
        var attribute = typeof(Endpoints).GetMethod(nameof(Endpoints.Everything))!
            .GetCustomAttributes<Auth0RequirementAttribute>()
            .Single(a => a.RequirementKey == key);
        var generated = GeneratedRegistrations.TryGetCheck(attribute.RequirementKey);
        Assert.NotNull(generated);
        Assert.IsNotAssignableFrom<IInterpretedCheck>(generated);
        var interpreted = Interpreted(attribute);

        foreach (var payload in Payloads)
        {
            foreach (var settings in new[] { AccessTokenSettings.Default, new AccessTokenSettings("roles", permissionsAsScopes: true) })
            {
                foreach (var header in new[] { "org_1", "org_é\"1\"" })
                {
                    foreach (var (typed, dpop) in new[] { (false, false), (true, false), (false, true), (true, true) })
                    {
                        var token = new AccessToken(Tokens.Jwt(payload), settings);
                        var argument = typed ? GeneratedRegistrations.CreateToken(token) : token;
                        var context = new DefaultHttpContext();
                        if (dpop)
                        {
                            // As the authentication handler leaves a request that used the DPoP scheme with a valid proof.
                            context.Features.Set(new Auth0.Generated.DPoP.DPoPRequestFeature(usedDPoP: true, "ES256", ["DPoP algs=\"ES256\""]));
                        }

                        context.Request.Headers["x-org"] = header;
                        context.Request.Headers["x-async"] = "1";
                        var expected = await Outcome(interpreted, argument, context);
                        var actual = await Outcome(generated, argument, context);
                        Assert.True(expected == actual, $"{key.Replace('\n', ' ')} on {payload} (typed: {typed}, dpop: {dpop}): interpreted {expected}, generated {actual}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Every_declaration_has_a_generated_check()
        => Assert.Equal(19, Declarations().Count());

    internal static async Task<string> Outcome(IAuth0Check check, AccessToken token, HttpContext context)
    {
        try
        {
            var failure = await check.CheckAsync(token, context);
            return failure is null ? "pass" : $"{failure.StatusCode}|{failure.Error}|{failure.Description}|{failure.Scope}";
        }
        catch (Exception e) when (e is InvalidOperationException or TargetInvocationException)
        {
            return "throws " + (e.InnerException ?? e).Message;
        }
    }

    internal static IAuth0Check Interpreted(Auth0RequirementAttribute attribute) => attribute switch
    {
        RequireScopesAttribute a => ScopeCheck.AllOf(a.Scopes),
        RequireAnyScopeAttribute a => ScopeCheck.AnyOf(a.Scopes),
        RequireRolesAttribute a => RoleCheck.AnyOf(a.Roles),
        ClaimEqualsAttribute a => ClaimValueCheck.Equal(a.Claim, a.Kind, a.Value),
        ClaimIncludesAttribute a => ClaimValueCheck.Includes(a.Claim, a.Values),
        ClaimCheckAttribute a => CustomCheck.FromMethod(a.Type, a.Method, a.Message ?? ClaimCheckAttribute.DefaultMessage),
        RequireDPoPAttribute => Auth0.Generated.DPoP.DPoPRequirementCheck.Interpreted,
        _ => throw new InvalidOperationException(attribute.GetType().Name),
    };
}
