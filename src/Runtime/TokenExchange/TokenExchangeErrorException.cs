
namespace Auth0.Generated.TokenExchange;

/// <summary>The authorization server answered with an OAuth error (or a response that is not a usable token response).</summary>
public sealed class TokenExchangeErrorException : TokenExchangeException
{
    internal TokenExchangeErrorException(string error, string? errorDescription, int statusCode)
        : base(errorDescription is null
            ? $"The token exchange was refused: {error} (HTTP {statusCode})."
            : $"The token exchange was refused: {error} (HTTP {statusCode}): {errorDescription}")
    {
        Error = error;
        ErrorDescription = errorDescription;
        StatusCode = statusCode;
    }

    /// <summary>
    /// The OAuth <c>error</c> code (<c>invalid_grant</c>, <c>invalid_client</c>, <c>unauthorized_client</c>...), or
    /// <c>invalid_response</c> when the answer was not an OAuth error nor a usable token response.
    /// </summary>
    public string Error { get; }

    /// <summary>The <c>error_description</c> (bounded; any token or secret of the request removed).</summary>
    public string? ErrorDescription { get; }

    /// <summary>The HTTP status code of the answer.</summary>
    public int StatusCode { get; }
}
