namespace Auth0.Generated.Authorization;

/// <summary>The failure reason our handler gives ASP.NET Core, carrying the RFC 6750 answer.</summary>
public sealed class Auth0FailureReason : AuthorizationFailureReason
{
    internal Auth0FailureReason(IAuthorizationHandler handler, Auth0Failure failure)
        : base(handler, failure.Description)
        => Failure = failure;

    /// <summary>The answer to send.</summary>
    public Auth0Failure Failure { get; }
}
