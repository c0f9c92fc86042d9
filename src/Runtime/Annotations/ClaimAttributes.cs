using System;
using System.Diagnostics.CodeAnalysis;
using Auth0.Generated.Authorization;

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

    private protected override string BuildKey() => RequirementKeys.ClaimEquals(Claim, Kind, Value);

    private protected override IAuth0Check CreateFallbackCheck() => ClaimValueCheck.Equal(Claim, Kind, Value);
}

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

    private protected override string BuildKey() => RequirementKeys.ClaimIncludes(Claim, Values);

    private protected override IAuth0Check CreateFallbackCheck() => ClaimValueCheck.Includes(Claim, Values);
}

/// <summary>
/// Runs a check of your own: a static method of <see cref="Type"/> named <see cref="Method"/> with one of the shapes
/// <c>static bool M(TToken token)</c>, <c>static bool M(TToken token, HttpContext context)</c> or
/// <c>static ValueTask&lt;bool&gt; M(TToken token, HttpContext context)</c>, where <c>TToken</c> is your
/// <see cref="Auth0TokenAttribute"/> type or <see cref="AccessToken"/>.
/// <c>false</c> answers 401 <c>invalid_token</c> with <see cref="Message"/>; an exception is logged and answers the same,
/// never a 500.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class ClaimCheckAttribute : Auth0RequirementAttribute
{
    /// <summary>The description used when the check declares no <see cref="Message"/>.</summary>
    public const string DefaultMessage = "Token claims do not satisfy the endpoint's requirements";

    /// <summary>Creates the requirement.</summary>
    /// <param name="type">The type that declares the check method.</param>
    /// <param name="method">The name of the static check method (use <c>nameof</c>).</param>
    public ClaimCheckAttribute(
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods)] Type type,
        string method)
    {
        Type = type ?? throw new ArgumentNullException(nameof(type));
        Method = string.IsNullOrEmpty(method) ? throw new ArgumentException("A method name is required.", nameof(method)) : method;
    }

    /// <summary>The type that declares the check method.</summary>
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods)]
    public Type Type { get; }

    /// <summary>The name of the static check method.</summary>
    public string Method { get; }

    /// <summary>The <c>error_description</c> sent when the check fails; <see cref="DefaultMessage"/> when not set.</summary>
    public string? Message { get; set; }

    private protected override string BuildKey() => RequirementKeys.ClaimCheck(Type, Method, Message);

    private protected override IAuth0Check CreateFallbackCheck() => CustomCheck.FromMethod(Type, Method, Message ?? DefaultMessage);
}
