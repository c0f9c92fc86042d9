// The quickstart API of Auth0's express-oauth2-jwt-bearer / auth0-express-api seeds and FusionAuth's ChangeBank,
// protected with Auth0.Generated. Runs on the built-in development issuer when AUTH0_DOMAIN is not set (Development
// only); otherwise validates tokens of https://{AUTH0_DOMAIN}/ for AUTH0_AUDIENCE.
using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Auth0.Generated;
using Auth0.Generated.TokenExchange;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quickstart.Api;

// The API's scope catalog (Auth0 dashboard > APIs > Permissions): the analyzers check every required scope against it and
// the generator writes the Scopes constants, used in the requirements and answers below (each still gets a generated check).
[assembly: ApiScope("read:messages", Description = "Read messages")]
[assembly: ApiScope("read:feed", Description = "Read the feed")]
[assembly: ApiScope("read:admin", Description = "Read administration data")]
[assembly: ApiScope("write:admin", Description = "Change administration data")]

var builder = WebApplication.CreateSlimBuilder(args);

builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, AppJsonContext.Default));

// The origins of the seed's single-page app (Cors:Origins:0, Cors:Origins:1, ... to change them).
var configuredOrigins = builder.Configuration.GetSection("Cors:Origins").GetChildren().Select(c => c.Value).OfType<string>().ToArray();
string[] origins = configuredOrigins.Length > 0 ? configuredOrigins : ["http://localhost:3000"];

// Options come from AUTH0_DOMAIN / AUTH0_AUDIENCE or the "Auth0" section; FusionAuth's ChangeBank sends the token in
// the app.at cookie, which then wins over the Authorization header. A cookie token on a POST from another origin is
// refused (403) unless that origin is trusted: here the single-page app's.
builder.Services.AddAuth0Api(options =>
{
    options.CookieName ??= "app.at";
    foreach (var origin in origins)
    {
        options.TrustedOrigins.Add(origin);
    }
});

// The OpenAPI document (served in Development below) shows each operation's scopes, 401/403 answers and claim rules.
builder.Services.AddOpenApi(options => options.AddAuth0Security());

// Token exchange (Token Vault, Custom Token Exchange) as the client AUTH0_CLIENT_ID / AUTH0_CLIENT_SECRET; on the
// development issuer it needs no configuration: that issuer serves the token endpoint too.
builder.Services.AddAuth0TokenExchange();
builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
    .WithOrigins(origins)
    .WithMethods("GET", "POST")
    .WithHeaders("Authorization", "Content-Type")
    .WithExposedHeaders("WWW-Authenticate")));

var app = builder.Build();
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();

if (app.Environment.IsDevelopment())
{
    // Development only: the OpenAPI document (/openapi/v1.json) and the security snapshot of every endpoint.
    app.MapOpenApi().AllowAnonymous();
    app.MapGet("/dev/security", (HttpRequest request) => EndpointSecurity.DescribeAsync(request.HttpContext.RequestServices)).AllowAnonymous();
}

// Auth0 quickstart routes.
app.MapGet("/api/public", () => new MessageResponse(
    "Hello from a public endpoint! You don't need to be authenticated to see this.", Now()))
    .AllowAnonymous();

app.MapGet("/api/private", [Authorize] (Token token) => new PrivateResponse(
    "Hello from a private endpoint! You need to be authenticated to see this.", token.Sub, Now()));

app.MapGet("/api/private-scoped", [RequireScopes(Scopes.ReadMessages)] (Token token) => new PrivateResponse(
    $"Hello from a private endpoint! You need to be authenticated and have a scope of {Scopes.ReadMessages} to see this.", token.Sub, Now()));

app.MapGet("/api/messages", [RequireScopes(Scopes.ReadMessages)] () => new MessagesResponse(["Hello!", "World!"]));

app.MapGet("/api/feed", [RequireAnyScope(Scopes.ReadFeed, Scopes.ReadAdmin)] (Token token) => new PrivateResponse(
    $"Your feed: you have {Scopes.ReadFeed} or {Scopes.ReadAdmin}.", token.Sub, Now()));

app.MapGet("/api/admin/edit", [RequireScopes(Scopes.ReadAdmin, Scopes.WriteAdmin)] (Token token) => new PrivateResponse(
    $"You can edit: you have {Scopes.ReadAdmin} and {Scopes.WriteAdmin}.", token.Sub, Now()));

app.MapGet("/api/admin", [ClaimEquals("isAdmin", true)] (Token token) => new PrivateResponse(
    "Hello admin: your isAdmin claim is true.", token.Sub, Now()));

app.MapGet("/api/editor", [ClaimIncludes("roles", "admin", "editor")] (Token token) => new PrivateResponse(
    "Hello editor: your roles include admin and editor.", token.Sub, Now()));

app.MapGet("/api/premium", [ClaimCheck(typeof(Checks), nameof(Checks.IsPremiumOrAdmin), Message = "Premium tier or admin role required")] (Token token) => new PrivateResponse(
    "Welcome to premium content.", token.Sub, Now()));

// DPoP (RFC 9449): only a token bound to the caller's key, sent as `Authorization: DPoP <token>` with a proof signed by
// that key (tokens from /dev/token?jkt=<key thumbprint> in Development; see docs/dpop.md).
app.MapGet("/api/dpop", [RequireDPoP] (Token token) => new PrivateResponse(
    "Hello from a DPoP endpoint! Your token is bound to the key that signed this request's proof.", token.Sub, Now()));

// FusionAuth ChangeBank routes: the group lets customers and tellers in; panic further requires a teller.
var bank = app.MapGroup("/").RequireRoles("customer", "teller");

bank.MapPost("/panic", [RequireRoles("teller")] () => new PanicResponse("We've called the police!"));

bank.MapGet("/make-change", (string? total) => ChangeBank.MakeChange(total) is { } change
    ? Results.Json(change, AppJsonContext.Default.ChangeResponse)
    : Results.Json(new ErrorResponse("Invalid or missing \"total\" parameter"), AppJsonContext.Default.ErrorResponse, statusCode: StatusCodes.Status400BadRequest));

// Token Vault: the caller's access token for the connection they linked (Development: a fake connection token). The
// answer describes the token and never echoes it.
app.MapGet("/api/connections/{connection}", [Authorize] async (string connection, HttpContext context, Auth0TokenVault vault) =>
{
    try
    {
        var token = await vault.GetTokenAsync(context, connection);
        return Results.Json(new ExchangeResponse(token.Connection, token.IssuedTokenType, token.Scope, token.ExpiresAt), AppJsonContext.Default.ExchangeResponse);
    }
    catch (ArgumentException)
    {
        return Results.Json(new ErrorResponse("Invalid connection name"), AppJsonContext.Default.ErrorResponse, statusCode: StatusCodes.Status400BadRequest);
    }
    catch (TokenExchangeErrorException e) // an OAuth refusal; network failures and timeouts are TokenExchangeException too
    {
        return Results.Json(new ErrorResponse(e.Error), AppJsonContext.Default.ErrorResponse, statusCode: StatusCodes.Status502BadGateway);
    }
});

// Custom Token Exchange: the caller's token, as a subject token of a type the issuer trusts (Exchange:SubjectTokenType;
// the development issuer trusts its own tokens as urn:auth0-generated:development-token), for a downstream API's token.
var subjectTokenType = builder.Configuration["Exchange:SubjectTokenType"] ?? "urn:auth0-generated:development-token";
var downstreamAudience = builder.Configuration["Exchange:Audience"] ?? "urn:quickstart:downstream";
app.MapGet("/api/downstream", [Authorize] async (HttpContext context, ITokenExchangeClient exchange) =>
{
    try
    {
        var result = await exchange.ExchangeAsync(new CustomTokenExchangeRequest
        {
            SubjectToken = context.GetAccessToken()!.Jwt.EncodedToken,
            SubjectTokenType = subjectTokenType,
            Audience = downstreamAudience,
        });
        return Results.Json(new ExchangeResponse(null, result.IssuedTokenType, result.Scope, result.ExpiresAt), AppJsonContext.Default.ExchangeResponse);
    }
    catch (TokenExchangeErrorException e)
    {
        return Results.Json(new ErrorResponse(e.Error), AppJsonContext.Default.ErrorResponse, statusCode: StatusCodes.Status502BadGateway);
    }
});

app.Run();

static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

/// <summary>The sample's entry point (public for WebApplicationFactory).</summary>
public partial class Program;

namespace Quickstart.Api
{
    /// <summary>
    /// The access token of the Auth0 seed with its custom claims; the generator completes it (typed, cached accessors
    /// over the validated token, <c>BindAsync</c> so handlers take it as a parameter). The Request Delegate Generator (on
    /// under Native AOT) cannot see generated code, so this declaration says what it must know: the base class
    /// <see cref="AccessToken"/> (handlers return inherited members such as <c>Sub</c>) and
    /// <see cref="IBindableFromHttpContext{TSelf}"/> (it binds <c>(Token token)</c> parameters; the generator implements it).
    /// </summary>
    [Auth0Token]
    public partial class Token : AccessToken, IBindableFromHttpContext<Token>
    {
        /// <summary>The subscription tier (<c>tier</c>: <c>"free"</c> or <c>"premium"</c>); null when absent or unknown.</summary>
        public partial SubscriptionTier? Tier { get; }

        /// <summary>The roles (<c>roles</c>, a JSON array or a space-separated string).</summary>
        public partial IReadOnlyList<string> Roles { get; }

        /// <summary>The organization (<c>https://myapp.com/org_id</c>, an Auth0 namespaced claim).</summary>
        [Claim("https://myapp.com/org_id")]
        public partial string? OrgId { get; }

        /// <summary>Whether the user is an administrator (<c>isAdmin</c>, a JSON boolean).</summary>
        public partial bool? IsAdmin { get; }
    }

    /// <summary>The values of the <c>tier</c> claim (strings in the token: the member names camelCased).</summary>
    public enum SubscriptionTier
    {
        /// <summary><c>"free"</c></summary>
        Free,

        /// <summary><c>"premium"</c></summary>
        Premium,
    }

    /// <summary>Custom checks used by <c>[ClaimCheck]</c>.</summary>
    internal static class Checks
    {
        /// <summary>The premium route: <c>tier</c> is <c>premium</c>, or the roles include <c>admin</c>.</summary>
        public static bool IsPremiumOrAdmin(Token token) => token.Tier == SubscriptionTier.Premium || token.Roles.Contains("admin");
    }

    /// <summary>ChangeBank's change maker, computed as FusionAuth's Express quickstart does.</summary>
    internal static partial class ChangeBank
    {
        public static ChangeResponse? MakeChange(string? total)
        {
            if (total is null || !AmountPattern().IsMatch(total)
                || !double.TryParse(total, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
                || !double.IsFinite(amount))
            {
                return null;
            }

            var rounded = Math.Truncate(amount * 100) / 100;
            var nickels = Math.Floor(amount / 0.05);
            var pennies = Math.Ceiling(Math.Truncate((amount - (0.05 * nickels)) / 0.01 * 100) / 100);
            return new ChangeResponse(rounded, (long)nickels, (long)pennies);
        }

        [GeneratedRegex(@"^(\d+(\.\d*)?|\.\d+)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
        private static partial Regex AmountPattern();
    }

    internal sealed record MessageResponse(string Message, string Timestamp);

    internal sealed record PrivateResponse(string Message, string? Sub, string Timestamp);

    internal sealed record MessagesResponse(string[] Messages);

    internal sealed record PanicResponse(string Message);

    internal sealed record ChangeResponse(double Total, long Nickels, long Pennies);

    internal sealed record ErrorResponse(string Error);

    internal sealed record ExchangeResponse(string? Connection, string? IssuedTokenType, string? Scope, DateTimeOffset ExpiresAt);

    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
    [JsonSerializable(typeof(MessageResponse))]
    [JsonSerializable(typeof(PrivateResponse))]
    [JsonSerializable(typeof(MessagesResponse))]
    [JsonSerializable(typeof(PanicResponse))]
    [JsonSerializable(typeof(ChangeResponse))]
    [JsonSerializable(typeof(ErrorResponse))]
    [JsonSerializable(typeof(ExchangeResponse))]
    internal sealed partial class AppJsonContext : JsonSerializerContext;
}
