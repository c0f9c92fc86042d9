namespace Auth0.Generated.TokenExchange;

/// <summary>
/// A token exchange failed. Catch a subtype to tell an OAuth error (<see cref="TokenExchangeErrorException"/>), a
/// network failure (<see cref="TokenExchangeNetworkException"/>) and a timeout (<see cref="TokenExchangeTimeoutException"/>)
/// apart. Messages never contain a token or a secret.
/// </summary>
public abstract class TokenExchangeException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected TokenExchangeException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
