using Auth0.Generated;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Podcasts;

public static class Episodes
{
    public static RouteGroupBuilder MapEpisodes(this RouteGroupBuilder group)
    {
        var episodes = group.MapGroup("/episodes");
        episodes.MapGet("/", () => Results.Ok()); // unprotected
        episodes.MapGet("/{id:int}/audio", (int id) => Results.Ok(id)).AllowAnonymous();
        episodes.MapDelete("/{id:int}", (int id) => Results.NoContent()).RequireRoles("admin");
        return group;
    }
}
