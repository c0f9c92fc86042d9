using System;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Auth0.Generated.Authorization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Auth0.Generated.Authentication;

/// <summary>
/// The <c>Auth0</c> authentication scheme: finds the token (header, opt-in query, opt-in cookie), validates it with
/// <see cref="Auth0TokenValidator"/>, and on success gives the request a <see cref="ClaimsPrincipal"/> (claim names as in
/// the token) and the <see cref="AccessToken"/> request feature. Challenges and forbids answer like RFC 6750.
/// </summary>
internal sealed class Auth0AuthenticationHandler : AuthenticationHandler<Auth0ApiOptions>
{
    private static readonly Auth0Failure GenericForbidden = Auth0Failure.Forbidden("Insufficient privileges");
    private static readonly Auth0Failure TokenConflict = Auth0Failure.InvalidRequest("The access token was sent in more than one place");

    private readonly Auth0ValidatorProvider _validators;

    public Auth0AuthenticationHandler(IOptionsMonitor<Auth0ApiOptions> options, ILoggerFactory logger, UrlEncoder encoder, Auth0ValidatorProvider validators)
        : base(options, logger, encoder)
        => _validators = validators;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        switch (TokenExtractor.Extract(Request, Options, out var token, out var source))
        {
            case TokenSourceResult.None:
                return Task.FromResult(AuthenticateResult.NoResult());
            case TokenSourceResult.Malformed:
                return Task.FromResult(AuthenticateResult.Fail(new Auth0AuthenticationException(failure: null)));
            case TokenSourceResult.Conflict:
                return Task.FromResult(AuthenticateResult.Fail(new Auth0AuthenticationException(TokenConflict)));
        }

        if (source == TokenSource.Cookie && !CrossOriginGuard.Allows(Request, Options.TrustedOrigins))
        {
            return Task.FromResult(AuthenticateResult.Fail(new CrossOriginRequestException()));
        }

        var validator = _validators.Get(Scheme.Name);
        return validator.FindValidated(token.AsSpan()) is { } cached
            ? Task.FromResult(Authenticated(validator, cached))
            : ValidateAsync(validator, token.Value!);
    }

    /// <summary>The full validation of a token the cache does not hold (a valid one is added to it).</summary>
    private async Task<AuthenticateResult> ValidateAsync(Auth0TokenValidator validator, string token)
    {
        var outcome = await validator.ValidateAsync(token, Context.RequestAborted).ConfigureAwait(false);
        return outcome.Failure is { } failure
            ? AuthenticateResult.Fail(new Auth0AuthenticationException(failure))
            : Authenticated(validator, outcome.Token!);
    }

    /// <summary>
    /// Success for a validated token, fresh or from the cache: the shared token object as the request feature and a
    /// principal of this request's own. Both paths end here, so this is where a proof of possession for a
    /// sender-constrained token (<see cref="ValidatedToken.IsSenderConstrained"/>, <see cref="ValidatedToken.ConfirmationThumbprint"/>:
    /// a DPoP proof, RFC 9449) is to be checked, on every request, cache hit or not.
    /// </summary>
    private AuthenticateResult Authenticated(Auth0TokenValidator validator, ValidatedToken validated)
    {
        Context.Features.Set(validated.Token);
        var principal = new ClaimsPrincipal(validator.CreateIdentity(validated));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        switch (result.Failure)
        {
            case CrossOriginRequestException:
                await Auth0Responses.WriteCrossOriginAsync(Response).ConfigureAwait(false);
                break;
            case null:
            case Auth0AuthenticationException { Failure: null }:
                await Auth0Responses.WriteBareChallengeAsync(Response).ConfigureAwait(false);
                break;
            case Auth0AuthenticationException { Failure: { } failure }:
                await Auth0Responses.WriteFailureAsync(Response, failure).ConfigureAwait(false);
                break;
            default:
                await Auth0Responses.WriteFailureAsync(Response, Auth0Failure.InvalidToken("Invalid token")).ConfigureAwait(false);
                break;
        }
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
        => Auth0Responses.WriteFailureAsync(Response, GenericForbidden);
}

/// <summary>Carries the RFC 6750 answer of a failed authentication (null: the bare challenge). Never thrown.</summary>
internal sealed class Auth0AuthenticationException : Exception
{
    public Auth0AuthenticationException(Auth0Failure? failure)
        : base(failure?.Description ?? "The Authorization header is not a single 'Bearer <token>'.")
        => Failure = failure;

    public Auth0AuthenticationException()
    {
    }

    public Auth0AuthenticationException(string message) : base(message)
    {
    }

    public Auth0AuthenticationException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public Auth0Failure? Failure { get; }
}

/// <summary>A cookie token on an unsafe cross-origin browser request (<see cref="CrossOriginGuard"/>): answered 403. Never thrown.</summary>
internal sealed class CrossOriginRequestException : Exception
{
    public CrossOriginRequestException()
        : base(Auth0Responses.CrossOriginDescription)
    {
    }

    public CrossOriginRequestException(string message) : base(message)
    {
    }

    public CrossOriginRequestException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
