using Auth0.Generated.Authorization;
using CsCheck;

namespace Auth0.Generated.Generator.Tests.Behaviour;

/// <summary>
/// <see cref="ParityTests"/> on random payloads (CsCheck: a failure is shrunk to the smallest payload and printed with its
/// seed): each claim the declarations of <see cref="Endpoints.Everything"/> read gets near misses of the value they want
/// (other case, other JSON kind, the same number written otherwise, scopes split by tabs or double spaces, escaped text),
/// and the generated and interpreted checks must give the same answer to every one.
/// </summary>
public class ParityPropertyTests
{
    private static readonly (string Claim, string[] Values)[] Claims =
    [
        ("scope", ["\"read:messages write:messages\"", "\"read:messages  write:messages\"", "\" read:messages write:messages \"", "\"read:messages\\twrite:messages\"", "\"read:messageswrite:messages\"", "\"read:all\"", "\"Read:messages\"", "[\"read:messages\",\"write:messages\"]", "[\"read:messages write:messages\"]", "\"\"", "null", "1"]),
        ("permissions", ["[\"write:messages\"]", "[\"read:messages\",\"write:messages\"]", "\"write:messages\"", "[]", "[1]", "null"]),
        ("roles", ["[\"admin\"]", "\"admin\"", "\"admin editor\"", "[\"Admin\"]", "[\"editor\",\"admin\"]", "[1]", "[]", "\"\"", "[\"admin\",null]", "{\"admin\":1}"]),
        ("isAdmin", ["true", "false", "\"true\"", "1", "null", "[true]"]),
        ("verified", ["false", "true", "\"false\"", "0", "null"]),
        ("tier", ["\"gold\"", "\"Gold\"", "\"gold \"", "\"\"", "[\"gold\"]", "null", "1", "\"g\\u006fld\""]),
        ("name", ["\"\"", "\" \"", "null", "\"x\"", "[]", "0"]),
        ("level", ["3", "3.0", "3e0", "30e-1", "\"3\"", "3000000000", "-3", "3.0000000000000001", "9223372036854775807", "9223372036854775808", "true"]),
        ("big", ["-9223372036854775808", "-9223372036854775809", "-9.223372036854775808E18", "\"-9223372036854775808\"", "1"]),
        ("ratio", ["0.1", "0.10000000000000001", "1e-1", "0.1000", "\"0.1\"", "0.10000000000000002", "1"]),
        ("score", ["1e21", "1000000000000000000000", "1E+21", "\"1e21\"", "999999999999999999999", "12", "true"]),
        ("https://myapp.com/org_id", ["\"org_\u00e9\\\"1\\\"\"", "\"org_\\u00e9\\\"1\\\"\"", "\"org_e\\\"1\\\"\"", "\"org_1\"", "null"]),
        ("https://myapp.com/groups", ["\"g0 g1\"", "[\"g1\"]", "\"g1\"", "[\"g1 \"]", "[1]", "\"g10\"", "[\"g0\",\"g1\"]"]),
        ("sub", ["\"u\"", "null"]),
    ];

    /// <summary>Each claim absent or one of its values (a random number per claim, reduced to its choices).</summary>
    private static readonly Gen<string> Payload = Gen.Int[0, 1 << 16].Array[Claims.Length]
        .Select(choices => "{" + string.Join(",", choices
            .Select((choice, i) => (choice % (Claims[i].Values.Length + 1)) - 1)
            .Select((choice, i) => choice < 0 ? null : "\"" + Claims[i].Claim + "\":" + Claims[i].Values[choice])
            .OfType<string>()) + "}");

    [Fact]
    public void Generated_and_interpreted_checks_agree_on_random_payloads()
    {
        var declarations = typeof(Endpoints).GetMethod(nameof(Endpoints.Everything))!.GetCustomAttributes<Auth0RequirementAttribute>()
            .Where(a => a is not ClaimCheckAttribute { Method: nameof(Checks.HeaderMatchesOrg) }) // reads a header: ParityTests covers it
            .Select(a => (Key: a.RequirementKey, Generated: GeneratedRegistrations.TryGetCheck(a.RequirementKey)!, Interpreted: ParityTests.Interpreted(a)))
            .ToArray();
        Assert.Equal(18, declarations.Length);

        Gen.Select(Payload, Gen.Bool, Gen.Bool).Sample((payload, permissionsAsScopes, typed) =>
        {
            var settings = permissionsAsScopes ? new AccessTokenSettings("roles", permissionsAsScopes: true) : AccessTokenSettings.Default;
            var token = new AccessToken(Tokens.Jwt(payload), settings);
            var argument = typed ? GeneratedRegistrations.CreateToken(token) : token;
            foreach (var (key, generated, interpreted) in declarations)
            {
                var context = new DefaultHttpContext();
                var expected = ParityTests.Outcome(interpreted, argument, context).GetAwaiter().GetResult();
                var actual = ParityTests.Outcome(generated, argument, context).GetAwaiter().GetResult();
                Assert.True(expected == actual, $"{key.Replace('\n', ' ')}: interpreted {expected}, generated {actual}");
            }
        }, iter: 3_000);
    }
}
