using Auth0.Generated.Authentication;
using Auth0.Generated.DPoP;

namespace Auth0.Generated.Validation;

/// <summary>
/// <see cref="IAccessTokenValidator"/> over the scheme's own validator (<see cref="Auth0ValidatorProvider"/>) and DPoP
/// proof validator (<see cref="DPoPSchemeProvider"/>): same options, key source, validated-token cache, proof checks,
/// key cache and replay store, so a token checked here and in a request is verified once and a proof used in one is
/// refused in the other.
/// </summary>
internal sealed class Auth0AccessTokenValidator : IAccessTokenValidator
{
    private static readonly Auth0Failure DPoPDisabled = Auth0Failure.InvalidRequest("DPoP is not enabled for this API");

    private readonly Auth0ValidatorProvider _validators;
    private readonly DPoPSchemeProvider _dpop;

    public Auth0AccessTokenValidator(Auth0ValidatorProvider validators, DPoPSchemeProvider dpop)
    {
        _validators = validators;
        _dpop = dpop;
    }

    public async ValueTask<AccessTokenValidationResult> ValidateAsync(string token, AccessTokenValidationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        var scheme = options?.Scheme ?? Auth0ApiDefaults.AuthenticationScheme;
        var proof = options?.DPoPProof;
        if (proof is not null && (options!.HttpMethod is null || options.HttpUrl is null))
        {
            throw new ArgumentException("A DPoP proof is validated against the request: set HttpMethod and HttpUrl too.", nameof(options));
        }

        // As the scheme does it (DPoPScheme.Classify): the DPoP form needs DPoP on; Bearer is refused before the token
        // is validated when DPoP is required.
        var dpop = _dpop.Get(scheme);
        if (proof is not null && dpop is null)
        {
            return AccessTokenValidationResult.Fail(DPoPDisabled);
        }

        if (proof is null && dpop is { Mode: DPoPMode.Required })
        {
            return AccessTokenValidationResult.Fail(DPoPScheme.BearerNotAllowed);
        }

        // As the scheme does for every DPoP request: the current nonce goes back with the answer, whatever it is.
        var nonce = proof is not null ? dpop?.Validator.Nonces?.Current() : null;
        var validator = _validators.Get(scheme);
        var validated = validator.FindValidated(token.AsSpan());
        if (validated is null)
        {
            var outcome = await validator.ValidateAsync(token, cancellationToken).ConfigureAwait(false);
            if (outcome.Failure is { } failure)
            {
                return AccessTokenValidationResult.Fail(failure, nonce);
            }

            validated = outcome.Token!;
        }

        if (dpop is not null)
        {
            // The scheme's own checks, cache hit or not: a proof for this token (DPoP form), or no cnf (Bearer form).
            var dpopFailure = proof is not null
                ? await dpop.Validator.ValidateAsync(proof, options!.HttpMethod!, options.HttpUrl!, token, validated.Token.Jwt.EncodedPayload, cancellationToken).ConfigureAwait(false)
                : validated.IsSenderConstrained ? DPoPScheme.BoundTokenAsBearer : null;
            if (dpopFailure is not null)
            {
                return AccessTokenValidationResult.Fail(dpopFailure, nonce);
            }
        }

        var accessToken = validated.Token;
        if (options is not null)
        {
            foreach (var claim in options.RequiredClaims)
            {
                if (!accessToken.HasClaim(claim))
                {
                    return AccessTokenValidationResult.Fail(Auth0Failure.MissingClaim(claim), nonce);
                }
            }
        }

        return AccessTokenValidationResult.Success(accessToken, nonce);
    }
}
