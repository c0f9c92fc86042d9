using System.Net.Http;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth0.Generated.TokenExchange;

/// <summary>
/// The form post of both exchanges (RFC 6749 section 4 / RFC 8693 section 2), written here rather than taken from an
/// OAuth client library: a few lines of <see cref="FormUrlEncodedContent"/> and source-generated JSON keep the package
/// free of further dependencies and reflection. Nothing it logs or throws contains a token or a secret.
/// </summary>
internal sealed partial class TokenExchangeClient : ITokenExchangeClient
{
    /// <summary>The largest token endpoint answer read, in bytes.</summary>
    internal const int MaxResponseBytes = 64 * 1024;

    /// <summary>The longest <c>error_description</c> kept.</summary>
    internal const int MaxDescriptionLength = 512;

    /// <summary>The <c>typ</c> of client assertions (draft-ietf-oauth-rfc7523bis; servers that ignore <c>typ</c>, as Auth0, accept it).</summary>
    internal const string ClientAssertionTokenType = "client-authentication+jwt";

    private static readonly TimeSpan AssertionLifetime = TimeSpan.FromSeconds(60);

    private readonly IOptionsMonitor<Auth0TokenExchangeOptions> _options;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TokenEndpointResolver _endpoints;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly JsonWebTokenHandler _handler = new();

    public TokenExchangeClient(IOptionsMonitor<Auth0TokenExchangeOptions> options, IHttpClientFactory httpClientFactory, TokenEndpointResolver endpoints, TimeProvider time, ILogger<TokenExchangeClient> logger)
    {
        _options = options;
        _httpClientFactory = httpClientFactory;
        _endpoints = endpoints;
        _time = time;
        _logger = logger;
    }

    public Task<TokenExchangeResult> ExchangeAsync(CustomTokenExchangeRequest request, CancellationToken cancellationToken = default)
    {
        TokenExchangeInput.Validate(request);
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", TokenExchangeInput.TokenExchangeGrant),
            new("subject_token", request.SubjectToken),
            new("subject_token_type", request.SubjectTokenType),
        };
        AddIfSet(form, "audience", request.Audience);
        AddIfSet(form, "scope", request.Scope);
        AddIfSet(form, "organization", request.Organization);
        foreach (var (name, value) in request.ExtraParameters)
        {
            form.Add(new(name, value));
        }

        return SendAsync("custom token exchange", form, request.SubjectToken, cancellationToken);
    }

    public async Task<ConnectionTokenResult> GetConnectionTokenAsync(ConnectionTokenRequest request, CancellationToken cancellationToken = default)
    {
        TokenExchangeInput.Validate(request);
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", TokenExchangeInput.FederatedConnectionGrant),
            new("subject_token", request.AccessToken),
            new("subject_token_type", TokenExchangeInput.AccessTokenType),
            new("requested_token_type", TokenExchangeInput.FederatedConnectionTokenType),
            new("connection", request.Connection),
        };
        AddIfSet(form, "login_hint", request.LoginHint);
        var result = await SendAsync("Token Vault", form, request.AccessToken, cancellationToken).ConfigureAwait(false);
        return new ConnectionTokenResult(result, request.Connection, request.LoginHint);
    }

    private static void AddIfSet(List<KeyValuePair<string, string>> form, string name, string? value)
    {
        if (value is not null)
        {
            form.Add(new(name, value));
        }
    }

    private async Task<TokenExchangeResult> SendAsync(string flow, List<KeyValuePair<string, string>> form, string subjectToken, CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        TokenEndpoint? endpoint = null;
        string? assertion = null;
        try
        {
            endpoint = await _endpoints.ResolveAsync(timeout.Token).ConfigureAwait(false);
            assertion = AddClientAuthentication(form, options, endpoint);
            Log.Sending(_logger, flow, endpoint.Address);
            var client = _httpClientFactory.CreateClient(Auth0ApiDefaults.BackchannelHttpClientName);
            client.MaxResponseContentBufferSize = MaxResponseBytes;
            client.Timeout = Timeout.InfiniteTimeSpan;
            using var content = new FormUrlEncodedContent(form);
            using var response = await client.PostAsync(endpoint.Address, content, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            var answer = Parse(body);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode || answer?.Error is not null)
            {
                var error = answer?.Error is { Length: > 0 } code ? Clean(code, 64) : "invalid_response";
                var description = answer?.ErrorDescription is { } text
                    ? Redact(Clean(text, MaxDescriptionLength), subjectToken, options.ClientSecret, assertion)
                    : (answer is null ? "The answer is not an OAuth error response." : null);
                Log.Refused(_logger, flow, endpoint.Address, error, status);
                throw new TokenExchangeErrorException(error, description, status);
            }

            if (answer is not { AccessToken.Length: > 0, TokenType.Length: > 0, ExpiresIn: >= 0 })
            {
                Log.Refused(_logger, flow, endpoint.Address, "invalid_response", status);
                throw new TokenExchangeErrorException("invalid_response", "The token response lacks access_token, token_type or expires_in.", status);
            }

            var expiresAt = _time.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(answer.ExpiresIn.Value, (long)TimeSpan.FromDays(3650).TotalSeconds));
            var result = new TokenExchangeResult(answer.AccessToken, expiresAt, answer.Scope, answer.IssuedTokenType, answer.TokenType, answer.IdToken, answer.RefreshToken);
            Log.Succeeded(_logger, flow, answer.IssuedTokenType ?? answer.TokenType, expiresAt);
            return result;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            Log.Failed(_logger, flow, "timeout");
            throw new TokenExchangeTimeoutException($"The {flow} did not complete within {options.Timeout.TotalSeconds:0.###} seconds{At(endpoint)}.", e);
        }
        catch (HttpRequestException e)
        {
            Log.Failed(_logger, flow, e.HttpRequestError.ToString());
            throw new TokenExchangeNetworkException($"The {flow} could not reach the issuer{At(endpoint)} ({e.HttpRequestError}).", e);
        }
    }

    private static string At(TokenEndpoint? endpoint) => endpoint is null ? string.Empty : $" at {endpoint.Address}";

    /// <summary>Adds client authentication to the form; returns the client assertion when one was made.</summary>
    private string? AddClientAuthentication(List<KeyValuePair<string, string>> form, Auth0TokenExchangeOptions options, TokenEndpoint endpoint)
    {
        var clientId = options.ClientId;
        if (string.IsNullOrWhiteSpace(clientId))
        {
            if (!endpoint.IsDevelopment)
            {
                throw new InvalidOperationException("No client is configured for token exchange: set AUTH0_CLIENT_ID (or Auth0:ClientId) and AUTH0_CLIENT_SECRET or a client assertion signing key.");
            }

            clientId = "development-client";
        }

        form.Add(new("client_id", clientId));
        if (options.ClientAssertionSigningKey is { } key)
        {
            var algorithm = options.ClientAssertionSigningAlgorithm
                ?? (key is ECDsaSecurityKey or JsonWebKey { Kty: "EC" } ? SecurityAlgorithms.EcdsaSha256 : SecurityAlgorithms.RsaSha256);
            var now = _time.GetUtcNow().UtcDateTime;
            var assertion = _handler.CreateToken(new SecurityTokenDescriptor
            {
                Issuer = clientId,
                Audience = endpoint.Issuer,
                IssuedAt = now,
                NotBefore = now,
                Expires = now + AssertionLifetime,
                Claims = new Dictionary<string, object>(StringComparer.Ordinal)
                {
                    ["sub"] = clientId,
                    ["jti"] = Guid.NewGuid().ToString("N"),
                },
                SigningCredentials = new SigningCredentials(key, algorithm),
                TokenType = ClientAssertionTokenType,
            });
            form.Add(new("client_assertion_type", TokenExchangeInput.ClientAssertionType));
            form.Add(new("client_assertion", assertion));
            return assertion;
        }

        if (!string.IsNullOrEmpty(options.ClientSecret))
        {
            form.Add(new("client_secret", options.ClientSecret));
        }
        else if (!endpoint.IsDevelopment)
        {
            throw new InvalidOperationException("No client credential is configured for token exchange: set AUTH0_CLIENT_SECRET (or Auth0:ClientSecret) or a client assertion signing key.");
        }

        return null;
    }

    private static TokenResponseJson? Parse(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, TokenExchangeJsonContext.Default.TokenResponseJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Bounded, without control characters (the text comes from the server and goes into messages and logs).</summary>
    private static string Clean(string text, int maxLength)
    {
        var builder = new StringBuilder(Math.Min(text.Length, maxLength));
        foreach (var c in text)
        {
            if (builder.Length == maxLength)
            {
                break;
            }

            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }

    /// <summary>Removes any secret of the request a server might echo in its description.</summary>
    private static string Redact(string text, params string?[] secrets)
    {
        foreach (var secret in secrets)
        {
            if (!string.IsNullOrEmpty(secret) && secret.Length >= 8)
            {
                text = text.Replace(secret, "[redacted]", StringComparison.Ordinal);
                // A truncated echo of a long secret: its first 16 characters are enough to recognise.
                if (secret.Length > 16)
                {
                    text = text.Replace(secret[..16], "[redacted]", StringComparison.Ordinal);
                }
            }
        }

        return text;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Sending a {Flow} request to {TokenEndpoint}.")]
        public static partial void Sending(ILogger logger, string flow, Uri tokenEndpoint);

        [LoggerMessage(2, LogLevel.Information, "The {Flow} succeeded: a {TokenType} token expiring at {ExpiresAt:O}.")]
        public static partial void Succeeded(ILogger logger, string flow, string tokenType, DateTimeOffset expiresAt);

        [LoggerMessage(3, LogLevel.Warning, "The {Flow} was refused by {TokenEndpoint}: {Error} (HTTP {StatusCode}).")]
        public static partial void Refused(ILogger logger, string flow, Uri tokenEndpoint, string error, int statusCode);

        [LoggerMessage(4, LogLevel.Warning, "The {Flow} failed: {Reason}.")]
        public static partial void Failed(ILogger logger, string flow, string reason);
    }
}
