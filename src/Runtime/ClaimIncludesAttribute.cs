namespace Auth0.Generated;

/// <summary>
/// Requires a list claim (a JSON array of strings, or a space-separated string) to contain <b>every one</b> of the
/// listed values, by exact element membership. Failures answer 401 <c>invalid_token</c> like <see cref="ClaimEqualsAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class ClaimIncludesAttribute : Auth0RequirementAttribute
{
    /// <summary>Creates the requirement.</summary>
    /// <param name="claim">The claim name, exactly as in the token payload.</param>
    /// <param name="values">The values that must all be elements of the claim; at least one.</param>
    public ClaimIncludesAttribute(string claim, params string[] values)
    {
        Claim = string.IsNullOrEmpty(claim) ? throw new ArgumentException("A claim name is required.", nameof(claim)) : claim;
        Values = RequireValues(values, "value");
    }

    /// <summary>The claim name.</summary>
    public string Claim { get; }

    /// <summary>The values that must all be present.</summary>
    public string[] Values { get; }

    private protected override string BuildKey() => RequirementKeyFormat.Values(RequirementKind.ClaimIncludes, Claim, Values);

    private protected override IAuth0Check CreateFallbackCheck() => ClaimValueCheck.Includes(Claim, Values);
}
