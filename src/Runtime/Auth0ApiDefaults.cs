namespace Auth0.Generated;

/// <summary>Names and defaults shared by the Auth0.Generated runtime.</summary>
public static class Auth0ApiDefaults
{
    /// <summary>The authentication scheme registered by <c>AddAuth0Api</c>, and named by every requirement attribute.</summary>
    public const string AuthenticationScheme = "Auth0";

    /// <summary>The configuration section <c>AddAuth0Api</c> binds.</summary>
    public const string ConfigurationSection = "Auth0";
}
