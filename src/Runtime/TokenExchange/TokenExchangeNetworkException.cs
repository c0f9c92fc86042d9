namespace Auth0.Generated.TokenExchange;

/// <summary>The token endpoint (or its discovery document) could not be reached.</summary>
public sealed class TokenExchangeNetworkException : TokenExchangeException
{
    internal TokenExchangeNetworkException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
