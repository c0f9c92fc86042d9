using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Catalog;

public static class ServiceDefaults
{
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapGet("/health", () => Results.Ok()).AllowAnonymous();
        app.MapGet("/alive", () => Results.Ok("alive")); // unprotected
        return app;
    }
}
