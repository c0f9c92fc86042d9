using Auth0.Generated.Authorization;

namespace Auth0.Generated.Generator.Tests.Behaviour;

public class TypedClaimTests
{
    private const string Full = """
        {
          "sub": "user|1", "tier": "gold", "name": "Ada", "https://myapp.com/org_id": "org_1",
          "isAdmin": true, "verified": true, "level": 42, "count": -7, "quota": 9007199254740993, "big": -9223372036854775808,
          "ratio": 0.25, "score": 12, "since": 1700000000, "updated": 1700000000.5,
          "roles": ["admin", "editor"], "groups": "g1 g2  g3", "tags": ["t1"], "labels": "l1 l2",
          "plan": "premium-plus"
        }
        """;

    [Fact]
    public void Reads_every_supported_claim_type()
    {
        var token = Tokens.Typed(Full);
        Assert.Equal("gold", token.Tier);
        Assert.Equal("Ada", token.Name);
        Assert.Equal("org_1", token.OrgId);
        Assert.True(token.IsAdmin);
        Assert.True(token.Verified);
        Assert.Equal(42, token.Level);
        Assert.Equal(-7, token.Count);
        Assert.Equal(9007199254740993L, token.Quota);
        Assert.Equal(long.MinValue, token.Big);
        Assert.Equal(0.25, token.Ratio);
        Assert.Equal(12d, token.Score);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), token.Since);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000500), token.Updated);
        Assert.Equal(["admin", "editor"], token.Roles);
        Assert.Equal(["g1", "g2", "g3"], token.Groups!);
        Assert.Equal(["t1"], token.Tags);
        Assert.Equal(["l1", "l2"], token.Labels!);
        Assert.Equal(Plan.Premium, token.Plan);
        Assert.Equal(Plan.Premium, token.PlanOrDefault);
        Assert.Equal("user|1", token.Sub);
    }

    [Fact]
    public void Absent_claims_read_as_absent()
    {
        var token = Tokens.Typed("""{"sub": "user|1"}""");
        AssertAllAbsent(token);
    }

    [Fact]
    public void Wrong_json_types_read_as_absent_never_throw()
    {
        var token = Tokens.Typed("""
            {
              "tier": 5, "name": ["x"], "isAdmin": "true", "verified": 1, "level": 3000000000, "count": 1.5,
              "quota": "12", "ratio": "0.5", "since": "yesterday", "updated": true, "roles": [1, 2], "groups": {"a": 1},
              "tags": 7, "labels": null, "plan": "platinum"
            }
            """);
        AssertAllAbsent(token); // "level": 3000000000 does not fit in an int
    }

    [Fact]
    public void Each_claim_is_parsed_once_per_instance()
    {
        var token = Tokens.Typed(Full);
        Assert.Same(token.Roles, token.Roles);
        Assert.Equal(token.Tags, token.Tags);
        Assert.NotSame(token.Tags, token.Tags); // an array is the one mutable value: one token object serves every request with the same token
    }

    [Fact]
    public async Task Factory_registration_and_BindAsync()
    {
        var source = Tokens.Base(Full);
        var created = GeneratedRegistrations.CreateToken(source);
        Assert.IsType<TestToken>(created);
        Assert.Same(created, TestToken.Create(created));

        var context = new DefaultHttpContext();
        Assert.Null(await TestToken.BindAsync(context));
        context.Features.Set(source);
        var bound = await TestToken.BindAsync(context);
        Assert.NotNull(bound);
        Assert.Equal("gold", bound.Tier);
    }

    [Fact]
    public void GetAccessToken_returns_the_registered_token_type()
    {
        var context = new DefaultHttpContext();
        Assert.Null(context.GetAccessToken<TestToken>());

        // The authentication handler stores the registered type; a plain AccessToken is converted by the registered factory.
        context.Features.Set(Tokens.Base(Full));
        Assert.Equal("gold", context.GetAccessToken<TestToken>()!.Tier);
        var typed = Tokens.Typed(Full);
        context.Features.Set<AccessToken>(typed);
        Assert.Same(typed, context.GetAccessToken<TestToken>());

        // Another AccessToken type is not the application's token: a clear error, not a silent null.
        var error = Assert.Throws<InvalidOperationException>(() => context.GetAccessToken<OtherToken>());
        Assert.Contains("OtherToken", error.Message, StringComparison.Ordinal);
    }

    private sealed class OtherToken(AccessToken source) : AccessToken(source);

    /// <summary>Every custom claim reads as absent: null for nullable properties, the default otherwise.</summary>
    private static void AssertAllAbsent(TestToken token)
    {
        Assert.Null(token.Tier);
        Assert.Equal(string.Empty, token.Name);
        Assert.Null(token.IsAdmin);
        Assert.False(token.Verified);
        Assert.Null(token.Level);
        Assert.Equal(0, token.Count);
        Assert.Null(token.Quota);
        Assert.Null(token.Ratio);
        Assert.Null(token.Since);
        Assert.Equal(default, token.Updated);
        Assert.Empty(token.Roles);
        Assert.Null(token.Groups);
        Assert.Empty(token.Tags);
        Assert.Null(token.Labels);
        Assert.Null(token.Plan);
        Assert.Equal(Plan.Free, token.PlanOrDefault);
    }
}
