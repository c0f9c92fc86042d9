namespace Auth0.Generated;

/// <summary>
/// Marks the partial class that declares the custom claims an API reads from its access tokens.
/// The Auth0.Generated source generator completes the class: it derives it from <see cref="AccessToken"/>,
/// implements every partial property annotated with <see cref="ClaimAttribute"/> (or named after its claim)
/// as a typed, cached claim accessor, and lets minimal API handlers take the type as a parameter.
/// </summary>
/// <example>
/// <code>
/// [Auth0Token]
/// public partial class Token
/// {
///     [Claim("tier")] public partial string? Tier { get; }
///     [Claim("https://myapp.com/org_id")] public partial string? OrgId { get; }
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class Auth0TokenAttribute : Attribute
{
}
