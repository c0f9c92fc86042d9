using System.Security.Cryptography;
using System.Text.Json;
using Auth0.Generated.Authentication;
using Auth0.Generated.TokenExchange;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth0.Generated.Development;

/// <summary>
/// <c>POST /oauth/token</c> of the development issuer (Development only, registered by <c>AddAuth0TokenExchange</c>),
/// so both exchanges run with no tenant:
/// <list type="bullet">
/// <item>Token Vault: a valid access token of this API and any well-formed connection name give a fake connection
/// token (<c>dev-connection-{connection}-{random}</c>) valid for an hour.</item>
/// <item>Custom Token Exchange: a subject token of <see cref="Auth0TokenExchangeOptions.DevelopmentSubjectTokenType"/>
/// that this issuer signed (any audience, not expired) gives a token for the requested audience (default: the API's),
/// with the subject token's <c>sub</c> and the requested scope.</item>
/// </list>
/// Clients are identified by <c>client_id</c> but not authenticated: this issuer signs anything it is asked for.
/// </summary>
internal sealed class DevelopmentTokenEndpoint : IStartupFilter
{
    public const string TokenPath = "/oauth/token";

    private const int ConnectionTokenLifetimeSeconds = 3600;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var services = app.ApplicationServices;
        var validators = services.GetService<Auth0ValidatorProvider>();
        if (validators is null || !validators.UsesDevelopmentIssuer())
        {
            next(app);
            return;
        }

        var issuer = services.GetRequiredService<DevelopmentIssuer>();
        var options = services.GetRequiredService<IOptionsMonitor<Auth0TokenExchangeOptions>>();
        app.Use((context, nextMiddleware) =>
            HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals(TokenPath, StringComparison.OrdinalIgnoreCase)
                ? HandleAsync(context, validators, issuer, options.CurrentValue)
                : nextMiddleware(context));
        next(app);
    };

    private static async Task HandleAsync(HttpContext context, Auth0ValidatorProvider validators, DevelopmentIssuer issuer, Auth0TokenExchangeOptions options)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (!context.Request.HasFormContentType)
        {
            await WriteAsync(context, 400, Error("invalid_request", "The token request must be application/x-www-form-urlencoded.")).ConfigureAwait(false);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        if (string.IsNullOrEmpty(form["client_id"]))
        {
            await WriteAsync(context, 401, Error("invalid_client", "The client_id parameter is missing.")).ConfigureAwait(false);
            return;
        }

        var subjectToken = form["subject_token"].ToString();
        var (status, answer) = form["grant_type"].ToString() switch
        {
            TokenExchangeInput.FederatedConnectionGrant => await ConnectionTokenAsync(validators, subjectToken, form, context).ConfigureAwait(false),
            TokenExchangeInput.TokenExchangeGrant => await CustomExchangeAsync(validators, issuer, options, subjectToken, form).ConfigureAwait(false),
            _ => (400, Error("unsupported_grant_type", "The development issuer exchanges tokens only (Token Vault and Custom Token Exchange).")),
        };
        await WriteAsync(context, status, answer).ConfigureAwait(false);
    }

    private static async Task<(int, TokenResponseJson)> ConnectionTokenAsync(Auth0ValidatorProvider validators, string subjectToken, IFormCollection form, HttpContext context)
    {
        if (form["subject_token_type"] != TokenExchangeInput.AccessTokenType || form["requested_token_type"] != TokenExchangeInput.FederatedConnectionTokenType)
        {
            return (400, Error("invalid_request", "Token Vault needs subject_token_type access_token and requested_token_type federated-connection-access-token."));
        }

        var connection = form["connection"].ToString();
        if (connection.Length is 0 or > TokenExchangeInput.MaxConnectionLength || connection.AsSpan().IndexOfAnyExcept(ConnectionCharacters) >= 0)
        {
            return (400, Error("invalid_request", "The connection parameter is missing or malformed."));
        }

        var outcome = await validators.Get().ValidateAsync(subjectToken, context.RequestAborted).ConfigureAwait(false);
        if (outcome.Failure is not null)
        {
            return (400, Error("invalid_grant", "The subject token is not a valid access token of this API."));
        }

        return (200, new TokenResponseJson
        {
            AccessToken = "dev-connection-" + connection + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            TokenType = "Bearer",
            ExpiresIn = ConnectionTokenLifetimeSeconds,
            IssuedTokenType = TokenExchangeInput.FederatedConnectionTokenType,
        });
    }

    private static async Task<(int, TokenResponseJson)> CustomExchangeAsync(Auth0ValidatorProvider validators, DevelopmentIssuer issuer, Auth0TokenExchangeOptions options, string subjectToken, IFormCollection form)
    {
        if (!string.Equals(form["subject_token_type"], options.DevelopmentSubjectTokenType, StringComparison.Ordinal))
        {
            return (400, Error("invalid_request", $"The development issuer trusts only subject_token_type '{options.DevelopmentSubjectTokenType}'."));
        }

        var keys = await issuer.GetKeysAsync(null, default).ConfigureAwait(false);
        var result = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(subjectToken, new TokenValidationParameters
        {
            ValidIssuer = issuer.Issuer,
            ValidateAudience = false,
            IssuerSigningKeys = keys!.Keys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        }).ConfigureAwait(false);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken subject || !subject.TryGetPayloadValue<string>("sub", out var sub))
        {
            return (400, Error("invalid_grant", "The subject token is not a valid token of the development issuer."));
        }

        var audience = form["audience"].ToString() is { Length: > 0 } requested ? requested : validators.Get().Audiences[0];
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { ["sub"] = sub };
        var scope = form["scope"].ToString();
        if (scope.Length > 0)
        {
            claims["scope"] = scope;
        }

        return (200, new TokenResponseJson
        {
            AccessToken = issuer.CreateToken(audience, claims),
            TokenType = "Bearer",
            ExpiresIn = (long)DevelopmentIssuer.TokenLifetime.TotalSeconds,
            Scope = scope.Length > 0 ? scope : null,
            IssuedTokenType = TokenExchangeInput.AccessTokenType,
        });
    }

    private static readonly System.Buffers.SearchValues<char> ConnectionCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.");

    private static TokenResponseJson Error(string error, string description) => new() { Error = error, ErrorDescription = description };

    private static Task WriteAsync(HttpContext context, int status, TokenResponseJson answer)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(answer, TokenExchangeJsonContext.Default.TokenResponseJson), context.RequestAborted).AsTask();
    }
}
