using System.Diagnostics.CodeAnalysis;

namespace Auth0.Generated;

/// <summary>The outcome of <see cref="IAccessTokenValidator.ValidateAsync"/>: a validated token or an RFC 6750 failure.</summary>
public sealed class AccessTokenValidationResult
{
    private AccessTokenValidationResult(AccessToken? token, Auth0Failure? failure, string? dpopNonce)
    {
        Token = token;
        Failure = failure;
        DPoPNonce = dpopNonce;
    }

    /// <summary>Whether the token is valid (then <see cref="Token"/> is set, otherwise <see cref="Failure"/>).</summary>
    [MemberNotNullWhen(true, nameof(Token))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsValid => Token is not null;

    /// <summary>The validated token, as the application's <see cref="Auth0TokenAttribute"/> type when the generator registered one.</summary>
    public AccessToken? Token { get; }

    /// <summary>
    /// Why the token was refused: <see cref="Auth0Failure.Error"/> is the RFC 6750 code (<c>invalid_token</c>),
    /// <see cref="Auth0Failure.Description"/> the <c>error_description</c>, as the scheme would answer.
    /// </summary>
    public Auth0Failure? Failure { get; }

    /// <summary>
    /// The API's current DPoP server nonce, when the call used the DPoP form (<see cref="AccessTokenValidationOptions.DPoPProof"/>)
    /// and the scheme requires nonces (<c>DPoPOptions.RequireNonce</c>): hand it to the client as the pipeline does in the
    /// <c>DPoP-Nonce</c> response header (RFC 9449 section 8), on success and, above all, with a <c>use_dpop_nonce</c>
    /// failure, whose retry must carry it. Otherwise null.
    /// </summary>
    public string? DPoPNonce { get; }

    /// <summary>The validated token as <typeparamref name="TToken"/> (your <see cref="Auth0TokenAttribute"/> type); null when invalid.</summary>
    public TToken? GetToken<TToken>()
        where TToken : AccessToken, IAccessTokenFactory<TToken>
        => Token switch
        {
            null => null,
            TToken typed => typed,
            _ => TToken.Create(Token),
        };

    internal static AccessTokenValidationResult Success(AccessToken token, string? dpopNonce = null)
        => new(token ?? throw new ArgumentNullException(nameof(token)), null, dpopNonce);

    internal static AccessTokenValidationResult Fail(Auth0Failure failure, string? dpopNonce = null) => new(null, failure, dpopNonce);

    /// <inheritdoc />
    public override string ToString() => IsValid ? "valid" : Failure.ToString();
}
