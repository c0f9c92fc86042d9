using Auth0.Generated;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TodoApi;

public static class TagEndpoints
{
    public static RouteGroupBuilder MapTags(this IEndpointRouteBuilder routes)
    {
        var tags = routes.MapGroup("/tags");
        tags.MapGet("/", () => Results.Ok(new[] { "home", "work" })); // unprotected
        tags.MapPost("/", (string tag) => Results.Created("/tags", tag)).RequireAuthorization();
        tags.MapDelete("/{tag}", (string tag) => Results.NoContent()).RequireScopes("tags:delete");
        return tags;
    }
}
