using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TodoApi;

public static class AdminEndpoints
{
    public static void MapAdmin(this RouteGroupBuilder group)
    {
        group.MapGet("/stats", () => Results.Ok(new { users = 3 }));
        group.MapDelete("/users/{id}", (int id) => Results.NoContent());
    }
}
