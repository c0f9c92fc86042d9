using System.Diagnostics.CodeAnalysis;

namespace Auth0.Generated;

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

    private protected override string BuildKey() => RequirementKeyFormat.ClaimCheck(Type.FullName ?? Type.Name, Method, Message);

    private protected override IAuth0Check CreateFallbackCheck() => CustomCheck.FromMethod(Type, Method, Message ?? DefaultMessage);
}
