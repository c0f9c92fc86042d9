using System.Security.Claims;
using System.Text.Encodings.Web;
using Auth0.Generated.Diagnostics;
using Auth0.Generated.DPoP;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Primitives;

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
    private readonly DPoPSchemeProvider _dpop;
    private readonly Auth0SchemeSelector _selector;
    private bool _deferred;

    public Auth0AuthenticationHandler(IOptionsMonitor<Auth0ApiOptions> options, ILoggerFactory logger, UrlEncoder encoder, Auth0ValidatorProvider validators, DPoPSchemeProvider dpop, Auth0SchemeSelector selector)
        : base(options, AuthenticationDiagnostics.HandlerLoggers(logger), encoder)
    {
        _validators = validators;
        _dpop = dpop;
        _selector = selector;
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // An endpoint whose policy names a further Auth0 scheme (AddAuth0Api(scheme, ...)) is that scheme's alone: the
        // Auth0 scheme, which every requirement attribute names, steps aside (Auth0SchemeSelector).
        var defers = _selector.DefersAsync(Scheme.Name, Context);
        if (!defers.IsCompletedSuccessfully)
        {
            return DeferOrAuthenticateAsync(defers);
        }

        if (defers.Result)
        {
            _deferred = true;
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        return AuthenticateTokenAsync();
    }

    private async Task<AuthenticateResult> DeferOrAuthenticateAsync(ValueTask<bool> defers)
    {
        if (await defers.ConfigureAwait(false))
        {
            _deferred = true;
            return AuthenticateResult.NoResult();
        }

        return await AuthenticateTokenAsync().ConfigureAwait(false);
    }

    private Task<AuthenticateResult> AuthenticateTokenAsync()
    {
        // DPoP (src/Runtime/DPoP): null when disabled. Begin: the challenges; Classify: the scheme the request used;
        // CheckAsync: after validation (cache hit or not), the proof of a DPoP request, or no cnf on a Bearer request.
        var dpop = _dpop.Get(Scheme.Name);
        dpop?.Begin(Context);
        switch (TokenExtractor.Extract(Request, Options, out var token, out var source))
        {
            case TokenSourceResult.None:
                return Task.FromResult(AuthenticateResult.NoResult());
            case TokenSourceResult.Malformed:
                AuthenticationDiagnostics.Refused(Logger, _validators.Metrics, failure: null);
                return Task.FromResult(AuthenticateResult.Fail(new Auth0AuthenticationException(failure: null)));
            case TokenSourceResult.Conflict:
                AuthenticationDiagnostics.Refused(Logger, _validators.Metrics, TokenConflict);
                return Task.FromResult(AuthenticateResult.Fail(new Auth0AuthenticationException(TokenConflict)));
        }

        if (source == TokenSource.Cookie && !CrossOriginGuard.Allows(Request, Options.TrustedOrigins))
        {
            return Task.FromResult(AuthenticateResult.Fail(new CrossOriginRequestException()));
        }

        if (dpop?.Classify(Context, token.AsSpan()) is { } schemeFailure)
        {
            return Task.FromResult(Refused(schemeFailure));
        }

        var validator = _validators.Get(Scheme.Name);
        return validator.FindValidated(token.AsSpan()) is { } cached
            ? Authenticated(validator, cached, dpop, token)
            : ValidateAsync(validator, token, dpop);
    }

    /// <summary>The full validation of a token the cache does not hold (a valid one is added to it).</summary>
    private async Task<AuthenticateResult> ValidateAsync(Auth0TokenValidator validator, StringSegment token, DPoPScheme? dpop)
    {
        var outcome = await validator.ValidateAsync(token.Value!, Context.RequestAborted).ConfigureAwait(false);
        if (outcome.Failure is { } failure)
        {
            AuthenticationDiagnostics.Refused(Logger, _validators.Metrics, failure);
            return AuthenticateResult.Fail(new Auth0AuthenticationException(failure));
        }

        return await Authenticated(validator, outcome.Token!, dpop, token).ConfigureAwait(false);
    }

    /// <summary>
    /// Success for a validated token, fresh or from the cache: the shared token object as the request feature and a
    /// principal of this request's own. Both paths end here, so the proof of possession of a sender-constrained token
    /// (DPoP, RFC 9449) is checked here on every request, cache hit or not, and a bound token sent as Bearer is refused.
    /// </summary>
    private Task<AuthenticateResult> Authenticated(Auth0TokenValidator validator, ValidatedToken validated, DPoPScheme? dpop, StringSegment token)
    {
        if (dpop is not null)
        {
            var check = dpop.CheckAsync(Context, token, validated);
            if (!check.IsCompletedSuccessfully)
            {
                return AwaitProofAsync(check, validator, validated);
            }

            if (check.Result is { } proofFailure)
            {
                return Task.FromResult(Refused(proofFailure));
            }
        }

        return Task.FromResult(Success(validator, validated));
    }

    private async Task<AuthenticateResult> AwaitProofAsync(ValueTask<Auth0Failure?> check, Auth0TokenValidator validator, ValidatedToken validated)
        => await check.ConfigureAwait(false) is { } proofFailure
            ? Refused(proofFailure)
            : Success(validator, validated);

    private AuthenticateResult Refused(Auth0Failure failure)
    {
        AuthenticationDiagnostics.Refused(Logger, _validators.Metrics, failure);
        return AuthenticateResult.Fail(new Auth0AuthenticationException(failure));
    }

    private AuthenticateResult Success(Auth0TokenValidator validator, ValidatedToken validated)
    {
        _validators.Metrics?.TokenValidated();
        Context.Features.Set(validated.Token);
        var principal = new ClaimsPrincipal(validator.CreateIdentity(validated));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        if (_deferred)
        {
            // The further scheme the endpoint selected answers (the authorization middleware challenges both).
            return;
        }

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

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        if (!_deferred)
        {
            await Auth0Responses.WriteFailureAsync(Response, GenericForbidden).ConfigureAwait(false);
        }
    }
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
