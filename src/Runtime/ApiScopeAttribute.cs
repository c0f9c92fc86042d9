namespace Auth0.Generated;

/// <summary>
/// Declares one scope of the API's scope catalog. Declare every scope once per assembly:
/// <code>[assembly: ApiScope("read:messages", Description = "Read messages")]</code>
/// (or list them in an additional file named <c>auth0-scopes.json</c> in the shape Auth0 exports an API's
/// permissions: <c>[{"value": "read:messages", "description": "..."}]</c>).
/// With a catalog, the analyzers report any required scope that is not in it (with a did-you-mean fix), and the
/// generator emits a constant per scope in the <c>Scopes</c> class.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class ApiScopeAttribute : Attribute
{
    /// <summary>Declares a scope.</summary>
    /// <param name="value">The scope exactly as tokens carry it (for example <c>read:messages</c>).</param>
    public ApiScopeAttribute(string value) => Value = value;

    /// <summary>The scope exactly as tokens carry it.</summary>
    public string Value { get; }

    /// <summary>What the scope grants (documentation for the generated constant).</summary>
    public string? Description { get; set; }
}
