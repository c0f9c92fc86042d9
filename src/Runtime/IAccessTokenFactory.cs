namespace Auth0.Generated;

/// <summary>
/// Implemented by generated token types so the runtime can create them without reflection.
/// </summary>
/// <typeparam name="TSelf">The token type.</typeparam>
public interface IAccessTokenFactory<TSelf> where TSelf : AccessToken, IAccessTokenFactory<TSelf>
{
    /// <summary>Creates the typed view of a validated token.</summary>
    static abstract TSelf Create(AccessToken source);
}
