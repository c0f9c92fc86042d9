using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Podcasts;

public static class Feeds
{
    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/feeds", () => Results.Ok());
        endpoints.MapPost("/feeds/import", (string url) => Results.Accepted());
        return endpoints;
    }
}
