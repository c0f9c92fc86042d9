using Auth0.Generated.Generator.Parsing;
using Auth0.Generated.Shared;
using ValueKind = Auth0.Generated.Shared.ClaimValueKind;

namespace Auth0.Generated.Generator.Tests;

/// <summary>
/// The generator's keys equal the runtime's <c>RequirementKey</c> for every attribute kind and odd values: both compile
/// src/Shared/RequirementKeyFormat.cs, but each reaches it from its own inputs (bound attribute data at compile time,
/// attribute objects at run time).
/// </summary>
public class RequirementKeyTests
{
    public static IEnumerable<object[]> Strings() =>
    [
        ["read:messages"], ["é中文🙂"], ["quote\"d"], ["back\\slash"], ["tab\tinside"], ["https://myapp.com/org_id"], [" padded "],
        ["line\nfeed"], ["\\0"], ["trailing\\"], ["\\n"],
    ];

    [Theory]
    [MemberData(nameof(Strings))]
    public void List_requirements(string value)
    {
        string[] values = [value, "second"];
        Assert.Equal(new RequireScopesAttribute(values).RequirementKey, RequirementKeyFormat.Values(RequirementKind.AllScopes, null, values));
        Assert.Equal(new RequireAnyScopeAttribute(values).RequirementKey, RequirementKeyFormat.Values(RequirementKind.AnyScope, null, values));
        Assert.Equal(new RequireRolesAttribute(values).RequirementKey, RequirementKeyFormat.Values(RequirementKind.AnyRole, null, values));
        Assert.Equal(new ClaimIncludesAttribute(value, values).RequirementKey, RequirementKeyFormat.Values(RequirementKind.ClaimIncludes, value, values));
        Assert.Equal(new ClaimEqualsAttribute(value, value).RequirementKey, RequirementParser.EqualsSpec(value, ValueKind.String, value)!.Key);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Booleans(bool value)
        => Assert.Equal(new ClaimEqualsAttribute("c", value).RequirementKey, RequirementParser.EqualsSpec("c", ValueKind.Boolean, value)!.Key);

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    [InlineData(3000000000L)]
    public void Integers(long value)
        => Assert.Equal(new ClaimEqualsAttribute("c", value).RequirementKey, RequirementParser.EqualsSpec("c", ValueKind.Integer, value)!.Key);

    [Theory]
    [InlineData(0.1)]
    [InlineData(1e21)]
    [InlineData(-0.0)]
    [InlineData(1.0 / 3)]
    [InlineData(double.MaxValue)]
    [InlineData(double.Epsilon)]
    [InlineData(-12.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Numbers(double value)
        => Assert.Equal(new ClaimEqualsAttribute("c", value).RequirementKey, RequirementParser.EqualsSpec("c", ValueKind.Number, value)!.Key);

    [Fact]
    public void Claim_check_uses_the_runtime_full_name()
    {
        Assert.Equal(
            new ClaimCheckAttribute(typeof(Nested.Inner), "M") { Message = "msg é" }.RequirementKey,
            RequirementKeyFormat.ClaimCheck("Auth0.Generated.Generator.Tests.RequirementKeyTests+Nested+Inner", "M", "msg é"));
        Assert.Equal(new ClaimCheckAttribute(typeof(Nested), "M").RequirementKey, RequirementKeyFormat.ClaimCheck(typeof(Nested).FullName!, "M", null));
    }

    [Fact]
    public void Distinct_declarations_never_share_a_key()
    {
        // A value holding a line feed is not the same requirement as two values.
        Assert.NotEqual(new RequireScopesAttribute("a\nb").RequirementKey, new RequireScopesAttribute("a", "b").RequirementKey);
        Assert.NotEqual(new ClaimIncludesAttribute("c\nd", "e").RequirementKey, new ClaimIncludesAttribute("c", "d", "e").RequirementKey);

        // An escaped backslash or line feed is not the character it escapes.
        Assert.NotEqual(new RequireRolesAttribute("a\\nb").RequirementKey, new RequireRolesAttribute("a\nb").RequirementKey);

        // An empty message answers differently from no message, so it is another check.
        Assert.NotEqual(
            new ClaimCheckAttribute(typeof(Nested), "M") { Message = string.Empty }.RequirementKey,
            new ClaimCheckAttribute(typeof(Nested), "M").RequirementKey);
        Assert.NotEqual(
            new ClaimCheckAttribute(typeof(Nested), "M") { Message = "\\0" }.RequirementKey,
            new ClaimCheckAttribute(typeof(Nested), "M").RequirementKey);
        Assert.Equal(
            new ClaimCheckAttribute(typeof(Nested), "M") { Message = string.Empty }.RequirementKey,
            RequirementKeyFormat.ClaimCheck(typeof(Nested).FullName!, "M", string.Empty));
    }

    [Fact]
    public void Double_literals_round_trip()
    {
        foreach (var value in new[] { 0.1, 1e21, 1.0 / 3, double.MaxValue, double.Epsilon, -12.5 })
        {
            var literal = RequirementParser.DoubleLiteral(value);
            Assert.Equal(value, double.Parse(literal.TrimEnd('d'), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public static class Nested
    {
        public static class Inner
        {
        }
    }
}
