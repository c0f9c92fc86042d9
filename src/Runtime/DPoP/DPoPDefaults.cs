namespace Auth0.Generated.DPoP;

/// <summary>Names defined by RFC 9449.</summary>
public static class DPoPDefaults
{
    /// <summary>The authorization scheme of DPoP-bound tokens: <c>Authorization: DPoP &lt;token&gt;</c>.</summary>
    public const string AuthorizationScheme = "DPoP";

    /// <summary>The request header that carries the proof.</summary>
    public const string ProofHeader = "DPoP";

    /// <summary>The response header that carries a server nonce.</summary>
    public const string NonceHeader = "DPoP-Nonce";
}
