namespace Auth0.Generated.Authorization;

/// <summary>
/// The ASP.NET Core authorization requirement behind every Auth0.Generated attribute and convention: the declaration
/// it came from and the check that enforces it (generated when the generator saw the declaration, interpreted otherwise).
/// Built once per endpoint.
/// </summary>
public sealed class Auth0Requirement : IAuthorizationRequirement
{
    internal Auth0Requirement(Auth0RequirementAttribute declaration, IAuth0Check check)
    {
        Declaration = declaration ?? throw new ArgumentNullException(nameof(declaration));
        Check = check ?? throw new ArgumentNullException(nameof(check));
    }

    /// <summary>The attribute (or convention) that declared the requirement.</summary>
    public Auth0RequirementAttribute Declaration { get; }

    /// <summary>The check that runs per request.</summary>
    public IAuth0Check Check { get; }

    /// <summary>Whether the check is the generator's (true) or the runtime's interpretation of the attribute.</summary>
    public bool IsGenerated => Check is not IInterpretedCheck;

    /// <inheritdoc />
    public override string ToString() => $"{Declaration.RequirementKey.Replace('\n', ' ')} ({(IsGenerated ? "generated" : "interpreted")})";
}

/// <summary>Marks the runtime's interpreted checks (the path taken when the generator did not see a declaration).</summary>
internal interface IInterpretedCheck
{
}
