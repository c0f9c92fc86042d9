namespace Auth0.Generated;

/// <summary>
/// Names the JSON claim a partial property of an <see cref="Auth0TokenAttribute"/> type reads,
/// for claims whose name is not a valid C# identifier (for example <c>https://myapp.com/org_id</c>).
/// Without it, the claim name is the property name with its first letter lower-cased (<c>IsAdmin</c> reads <c>isAdmin</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class ClaimAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The claim name exactly as it appears in the token payload (case-sensitive).</param>
    public ClaimAttribute(string name) => Name = name;

    /// <summary>The claim name exactly as it appears in the token payload.</summary>
    public string Name { get; }
}
