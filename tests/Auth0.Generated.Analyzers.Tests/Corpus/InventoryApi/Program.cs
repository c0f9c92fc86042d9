using Inventory;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
// A default policy is not a fallback: it applies only to endpoints that ask for authorization.
builder.Services.AddAuthorizationBuilder()
    .SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

var app = builder.Build();

Endpoints.Routes = app.MapGroup("/inventory");
Endpoints.Admin = app.MapGroup("/admin").RequireAuthorization();
Endpoints.MapAll();

foreach (var module in Modules.All)
{
    module(app);
}

app.MapGet("/ping", () => "pong"); // unprotected
app.MapGet("/stock", () => "stock").RequireAuthorization();
MapReports(app.MapGroup("/reports"));

app.Run();

static void MapReports(RouteGroupBuilder reports)
{
    reports.MapGet("/daily", () => "daily"); // unprotected
    reports.MapGet("/monthly", () => "monthly").RequireAuthorization();
}
