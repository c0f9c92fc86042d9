namespace Auth0.Generated;

/// <summary>
/// Requires a claim to be present with exactly the given value and JSON type: <c>true</c> (a JSON boolean) does not
/// equal <c>"true"</c> (a string). A missing claim answers 401 <c>invalid_token</c> "Missing '&lt;claim&gt;' claim";
/// another value answers 401 <c>invalid_token</c> "Unexpected '&lt;claim&gt;' value".
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class ClaimEqualsAttribute : Auth0RequirementAttribute
{
    /// <summary>Requires a string claim equal (ordinal) to <paramref name="value"/>.</summary>
    public ClaimEqualsAttribute(string claim, string value) : this(claim, (object)(value ?? throw new ArgumentNullException(nameof(value))), ClaimValueKind.String) { }

    /// <summary>Requires a boolean claim equal to <paramref name="value"/>.</summary>
    public ClaimEqualsAttribute(string claim, bool value) : this(claim, value, ClaimValueKind.Boolean) { }

    /// <summary>Requires an integral number claim equal to <paramref name="value"/>.</summary>
    public ClaimEqualsAttribute(string claim, long value) : this(claim, value, ClaimValueKind.Integer) { }

    /// <summary>Requires a number claim equal to <paramref name="value"/>.</summary>
    public ClaimEqualsAttribute(string claim, double value) : this(claim, value, ClaimValueKind.Number) { }

    private ClaimEqualsAttribute(string claim, object value, ClaimValueKind kind)
    {
        Claim = string.IsNullOrEmpty(claim) ? throw new ArgumentException("A claim name is required.", nameof(claim)) : claim;
        Value = value;
        Kind = kind;
    }

    /// <summary>The claim name, exactly as in the token payload.</summary>
    public string Claim { get; }

    /// <summary>The required value: a <see cref="string"/>, <see cref="bool"/>, <see cref="long"/> or <see cref="double"/>.</summary>
    public object Value { get; }

    /// <summary>The JSON type the claim must have.</summary>
    public ClaimValueKind Kind { get; }

    private protected override string BuildKey() => RequirementKeyFormat.ClaimEquals(Claim, Kind, Value);

    private protected override IAuth0Check CreateFallbackCheck() => ClaimValueCheck.Equal(Claim, Kind, Value);
}
