using System;
using System.Threading;
using System.Threading.Tasks;
using Auth0.Generated.Authentication;
using Auth0.Generated.Authorization;

namespace Auth0.Generated.Validation;

/// <summary>
/// <see cref="IAccessTokenValidator"/> over the scheme's own validator (<see cref="Auth0ValidatorProvider"/>): same
/// options, key source and validated-token cache, so a token checked here and in a request is verified once.
/// </summary>
internal sealed class Auth0AccessTokenValidator : IAccessTokenValidator
{
    private readonly Auth0ValidatorProvider _validators;

    public Auth0AccessTokenValidator(Auth0ValidatorProvider validators) => _validators = validators;

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

        // A sender-constrained token (validated.IsSenderConstrained) needs the DPoP proof checks: they go here with the
        // proof, method and URL of AccessTokenValidationOptions once the runtime supports DPoP.
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
