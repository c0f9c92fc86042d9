using System.Security.Claims;
using System.Text.Json.Serialization;
using Auth0.Generated.Benchmarks.Stock;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

// Reads the same variables as samples/Quickstart.Api: AUTH0_DOMAIN (issuer https://{domain}/) and AUTH0_AUDIENCE.
var builder = WebApplication.CreateBuilder(args);
var domain = builder.Configuration["AUTH0_DOMAIN"] ?? throw new InvalidOperationException("Set AUTH0_DOMAIN.");
var audience = builder.Configuration["AUTH0_AUDIENCE"] ?? throw new InvalidOperationException("Set AUTH0_AUDIENCE.");
var issuer = $"https://{domain}/";

builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, StockJsonContext.Default));
builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
    .AddJwtBearer(options =>
    {
        options.Authority = issuer;
        options.Audience = audience;
        options.TokenValidationParameters.ValidAlgorithms = ["RS256"];
        options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(5);
    });
builder.Services.AddAuthorization(options =>
{
    options.AddPolicy("read:messages", policy => policy.Requirements.Add(new HasScopeRequirement("read:messages", issuer)));
    options.AddPolicy("admin", policy => policy.RequireClaim("isAdmin", "true"));
});
builder.Services.AddSingleton<IAuthorizationHandler, HasScopeHandler>();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/api/public", () => new Reply("Hello from a public endpoint! You don't need to be authenticated to see this.", null, DateTimeOffset.UtcNow));
app.MapGet("/api/private-scoped", (ClaimsPrincipal user) => new Reply("Hello from a private endpoint! You need to be authenticated and have a scope of read:messages to see this.", user.FindFirstValue(ClaimTypes.NameIdentifier), DateTimeOffset.UtcNow))
    .RequireAuthorization("read:messages");
app.MapGet("/api/admin", (ClaimsPrincipal user) => new Reply("Hello admin!", user.FindFirstValue(ClaimTypes.NameIdentifier), DateTimeOffset.UtcNow))
    .RequireAuthorization("admin");

app.Run();

internal sealed record Reply(string Message, string? Sub, DateTimeOffset Timestamp);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Reply))]
internal sealed partial class StockJsonContext : JsonSerializerContext;
