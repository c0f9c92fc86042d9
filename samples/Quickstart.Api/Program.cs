// The quickstart API of Auth0's express-oauth2-jwt-bearer / auth0-express-api seeds and FusionAuth's ChangeBank,
// protected with Auth0.Generated. Runs on the built-in development issuer when AUTH0_DOMAIN is not set (Development
// only); otherwise validates tokens of https://{AUTH0_DOMAIN}/ for AUTH0_AUDIENCE.
using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Auth0.Generated;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quickstart.Api;

var builder = WebApplication.CreateSlimBuilder(args);

builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, AppJsonContext.Default));

// Options come from AUTH0_DOMAIN / AUTH0_AUDIENCE or the "Auth0" section; FusionAuth's ChangeBank sends the token in
// the app.at cookie, which then wins over the Authorization header.
builder.Services.AddAuth0Api(options => options.CookieName ??= "app.at");

// The origins of the seed's single-page app (Cors:Origins:0, Cors:Origins:1, ... to change them).
var configuredOrigins = builder.Configuration.GetSection("Cors:Origins").GetChildren().Select(c => c.Value).OfType<string>().ToArray();
string[] origins = configuredOrigins.Length > 0 ? configuredOrigins : ["http://localhost:3000"];
builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
    .WithOrigins(origins)
    .WithMethods("GET", "POST")
    .WithHeaders("Authorization", "Content-Type")
    .WithExposedHeaders("WWW-Authenticate")));

var app = builder.Build();
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();

// Auth0 quickstart routes.
app.MapGet("/api/public", () => new MessageResponse(
    "Hello from a public endpoint! You don't need to be authenticated to see this.", Now()));

app.MapGet("/api/private", [Authorize] (HttpContext context) => new PrivateResponse(
    "Hello from a private endpoint! You need to be authenticated to see this.", context.GetAccessToken()?.Sub, Now()));

app.MapGet("/api/private-scoped", [RequireScopes("read:messages")] (HttpContext context) => new PrivateResponse(
    "Hello from a private endpoint! You need to be authenticated and have a scope of read:messages to see this.", context.GetAccessToken()?.Sub, Now()));

app.MapGet("/api/messages", [RequireScopes("read:messages")] () => new MessagesResponse(["Hello!", "World!"]));

app.MapGet("/api/feed", [RequireAnyScope("read:feed", "read:admin")] (HttpContext context) => new PrivateResponse(
    "Your feed: you have read:feed or read:admin.", context.GetAccessToken()?.Sub, Now()));

app.MapGet("/api/admin/edit", [RequireScopes("read:admin", "write:admin")] (HttpContext context) => new PrivateResponse(
    "You can edit: you have read:admin and write:admin.", context.GetAccessToken()?.Sub, Now()));

app.MapGet("/api/admin", [ClaimEquals("isAdmin", true)] (HttpContext context) => new PrivateResponse(
    "Hello admin: your isAdmin claim is true.", context.GetAccessToken()?.Sub, Now()));

app.MapGet("/api/editor", [ClaimIncludes("roles", "admin", "editor")] (HttpContext context) => new PrivateResponse(
    "Hello editor: your roles include admin and editor.", context.GetAccessToken()?.Sub, Now()));

app.MapGet("/api/premium", [ClaimCheck(typeof(Checks), nameof(Checks.IsPremiumOrAdmin), Message = "Premium tier or admin role required")] (HttpContext context) => new PrivateResponse(
    "Welcome to premium content.", context.GetAccessToken()?.Sub, Now()));

// FusionAuth ChangeBank routes: the group lets customers and tellers in; panic further requires a teller.
var bank = app.MapGroup("/").RequireRoles("customer", "teller");

bank.MapPost("/panic", [RequireRoles("teller")] () => new PanicResponse("We've called the police!"));

bank.MapGet("/make-change", (string? total) => ChangeBank.MakeChange(total) is { } change
    ? Results.Json(change, AppJsonContext.Default.ChangeResponse)
    : Results.Json(new ErrorResponse("Invalid or missing \"total\" parameter"), AppJsonContext.Default.ErrorResponse, statusCode: StatusCodes.Status400BadRequest));

app.Run();

static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

/// <summary>The sample's entry point (public for WebApplicationFactory).</summary>
public partial class Program;

namespace Quickstart.Api
{
    /// <summary>Custom checks used by <c>[ClaimCheck]</c>.</summary>
    internal static class Checks
    {
        /// <summary>The premium route: <c>tier</c> is <c>premium</c>, or the roles include <c>admin</c>.</summary>
        public static bool IsPremiumOrAdmin(AccessToken token)
            => (token.TryGetString("tier", out var tier) && tier == "premium") || token.HasRole("admin");
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

    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
    [JsonSerializable(typeof(MessageResponse))]
    [JsonSerializable(typeof(PrivateResponse))]
    [JsonSerializable(typeof(MessagesResponse))]
    [JsonSerializable(typeof(PanicResponse))]
    [JsonSerializable(typeof(ChangeResponse))]
    [JsonSerializable(typeof(ErrorResponse))]
    internal sealed partial class AppJsonContext : JsonSerializerContext;
}
