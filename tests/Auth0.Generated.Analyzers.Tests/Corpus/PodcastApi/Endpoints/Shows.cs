using Auth0.Generated;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Podcasts;

public static class Shows
{
    public static RouteGroupBuilder MapShows(this RouteGroupBuilder group)
    {
        group.MapGet("/shows", () => Results.Ok()); // unprotected
        group.MapGet("/shows/{id:guid}", (System.Guid id) => Results.Ok(id)); // unprotected
        group.MapPost("/shows", (string title) => Results.Created("/shows/1", title)).RequireScopes("shows:write");
        return group;
    }
}
