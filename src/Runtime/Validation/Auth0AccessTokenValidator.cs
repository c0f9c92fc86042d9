using Auth0.Generated.Authentication;
using Auth0.Generated.Authorization;
using Auth0.Generated.DPoP;

namespace Auth0.Generated.Validation;

/// <summary>
/// <see cref="IAccessTokenValidator"/> over the scheme's own validator (<see cref="Auth0ValidatorProvider"/>): same
/// options, key source and validated-token cache, so a token checked here and in a request is verified once.
/// </summary>
internal sealed class Auth0AccessTokenValidator : IAccessTokenValidator
{
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
        var validator = _validators.Get(scheme);
        var validated = validator.FindValidated(token.AsSpan());
        if (validated is null)
        {
            var outcome = await validator.ValidateAsync(token, cancellationToken).ConfigureAwait(false);
            if (outcome.Failure is { } failure)
            {
                return AccessTokenValidationResult.Fail(failure);
            }

            validated = outcome.Token!;
        }

        // A sender-constrained token is only good with a proof of possession, which this entry point does not take
        // (yet): refused, as the scheme refuses it without a DPoP proof, unless DPoP is disabled.
        if (validated.IsSenderConstrained && _dpop.Get(scheme) is not null)
        {
            return AccessTokenValidationResult.Fail(DPoPScheme.BoundTokenAsBearer);
        }

        var accessToken = validated.Token;
        if (options is not null)
        {
            foreach (var claim in options.RequiredClaims)
            {
                if (!accessToken.HasClaim(claim))
                {
                    return AccessTokenValidationResult.Fail(Auth0Failure.MissingClaim(claim));
                }
            }
        }

        return AccessTokenValidationResult.Success(accessToken);
    }
}
