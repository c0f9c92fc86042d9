namespace Auth0.Generated.TokenExchange;

/// <summary>The token endpoint (or its discovery document) did not answer within <see cref="Auth0TokenExchangeOptions.Timeout"/>.</summary>
public sealed class TokenExchangeTimeoutException : TokenExchangeException
{
    internal TokenExchangeTimeoutException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
