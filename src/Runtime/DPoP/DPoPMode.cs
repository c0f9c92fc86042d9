namespace Auth0.Generated.DPoP;

/// <summary>Which authorization schemes an API accepts (RFC 9449).</summary>
public enum DPoPMode
{
    /// <summary>
    /// Both <c>Bearer</c> and <c>DPoP</c> (the default, as Auth0's SDKs): a DPoP-bound token (one with <c>cnf</c>) must
    /// come with the <c>DPoP</c> scheme and a valid proof; an unbound token may use <c>Bearer</c>.
    /// </summary>
    Allowed = 0,

    /// <summary>Only <c>DPoP</c>: every request needs a DPoP-bound token and a valid proof; <c>Bearer</c> is refused.</summary>
    Required = 1,

    /// <summary>
    /// No DPoP: an <c>Authorization: DPoP ...</c> header is a malformed header, and the <c>cnf</c> claim is not looked at
    /// (the token is a plain bearer token, as before RFC 9449).
    /// </summary>
    Disabled = 2,
}
