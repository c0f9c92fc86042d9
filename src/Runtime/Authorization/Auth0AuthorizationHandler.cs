namespace Auth0.Generated.Authorization;

/// <summary>
/// Evaluates the endpoint's <see cref="Auth0Requirement"/>s in declaration order against the request's
/// <see cref="AccessToken"/>; the first failure fails the policy with an <see cref="Auth0FailureReason"/>.
/// A check that throws is logged (warning, no token) and answers 401 invalid_token, never 500.
/// </summary>
internal sealed partial class Auth0AuthorizationHandler : IAuthorizationHandler
{
    private static readonly Auth0Failure NoAccessToken = Auth0Failure.InvalidToken("An access token validated by the Auth0 scheme is required");
    private static readonly Auth0Failure CheckFailed = Auth0Failure.InvalidToken("Token claims could not be checked");

    private readonly ILogger<Auth0AuthorizationHandler> _logger;

    public Auth0AuthorizationHandler(ILogger<Auth0AuthorizationHandler> logger) => _logger = logger;

    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        var httpContext = context.Resource as HttpContext;
        AccessToken? token = null;
        foreach (var item in context.Requirements)
        {
            if (item is not Auth0Requirement requirement)
            {
                continue;
            }

            if (context.User.Identity?.IsAuthenticated != true)
            {
                // Not authenticated: the policy challenges (401) on its own.
                return;
            }

            token ??= httpContext?.GetAccessToken();
            if (token is null || httpContext is null)
            {
                context.Fail(new Auth0FailureReason(this, NoAccessToken));
                return;
            }

            Auth0Failure? failure;
            try
            {
                failure = await requirement.Check.CheckAsync(token, httpContext).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A user check that throws answers 401; the exception is logged, never a 500.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogCheckThrew(_logger, e, requirement.ToString());
                failure = FailureWhenThrown(requirement);
            }

            if (failure is not null)
            {
                context.Fail(new Auth0FailureReason(this, failure));
                return;
            }

            context.Succeed(requirement);
        }
    }

    private static Auth0Failure FailureWhenThrown(Auth0Requirement requirement) => requirement.Declaration switch
    {
        ClaimCheckAttribute check => Auth0Failure.InvalidToken(check.Message ?? ClaimCheckAttribute.DefaultMessage),
        DelegateClaimCheckAttribute check => check.Failure,
        _ => CheckFailed,
    };

    [LoggerMessage(1, LogLevel.Warning, "The requirement {Requirement} threw; the request is answered 401 invalid_token.")]
    private static partial void LogCheckThrew(ILogger logger, Exception exception, string requirement);
}
