namespace Auth0.Generated;

/// <summary>
/// Base of every Auth0.Generated requirement attribute. A requirement on an endpoint (or a controller, or a route
/// group through a convention) makes the endpoint require an access token validated by the Auth0 scheme, and then
/// checks the token against the requirement. Several requirements on one endpoint must all hold (AND).
/// </summary>
/// <remarks>
/// Requirements plug into ASP.NET Core authorization: <c>[AllowAnonymous]</c> on the same endpoint wins, as it does
/// over <c>[Authorize]</c>, and the endpoint's policy is computed once per endpoint, not per request.
/// When the source generator has seen the declaration, the check that runs is the generated one (registered under
/// <see cref="RequirementKey"/>); otherwise the runtime interprets the attribute. Both give the same answers.
/// </remarks>
public abstract class Auth0RequirementAttribute : Attribute, IAuthorizeData, IAuthorizationRequirementData
{
    private string? _key;
    private Auth0Requirement[]? _requirements;

    private protected Auth0RequirementAttribute()
    {
    }

    /// <summary>
    /// The canonical text of this requirement. The generator registers its compiled check under the same key
    /// (see <see cref="RequirementKeyFormat"/>, src/Shared).
    /// </summary>
    public string RequirementKey => _key ??= BuildKey();

    /// <inheritdoc />
    string? IAuthorizeData.Policy { get => null; set => throw new NotSupportedException(); }

    /// <inheritdoc />
    string? IAuthorizeData.Roles { get => null; set => throw new NotSupportedException(); }

    /// <inheritdoc />
    string? IAuthorizeData.AuthenticationSchemes { get => Auth0ApiDefaults.AuthenticationScheme; set => throw new NotSupportedException(); }

    /// <inheritdoc />
    IEnumerable<IAuthorizationRequirement> IAuthorizationRequirementData.GetRequirements()
        => _requirements ??= [new Auth0Requirement(this, GeneratedRegistrations.TryGetCheck(RequirementKey) ?? CreateFallbackCheck())];

    /// <summary>Builds the canonical key of this requirement.</summary>
    private protected abstract string BuildKey();

    /// <summary>Builds the interpreted check used when the generator has not registered one for this key.</summary>
    private protected abstract IAuth0Check CreateFallbackCheck();

    /// <summary>Copies and validates an argument array once, so a bad declaration fails at startup with a clear message.</summary>
    private protected static string[] RequireValues(string[]? values, string what)
    {
        if (values is null || values.Length == 0)
        {
            throw new ArgumentException($"At least one {what} is required.", nameof(values));
        }

        var copy = (string[])values.Clone();
        foreach (var value in copy)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException($"A {what} must not be empty or whitespace.", nameof(values));
            }
        }

        return copy;
    }
}
