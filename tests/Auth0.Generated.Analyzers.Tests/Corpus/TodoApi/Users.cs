using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TodoApi;

public record UserInfo(string Name, string Email);

public static class UserEndpoints
{
    public static RouteGroupBuilder MapUsers(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/users").WithTags("Users");

        group.MapPost("/token", (UserInfo user) => Results.Ok("token")).AllowAnonymous();
        group.MapGet("/me", () => Results.Ok()); // unprotected
        group.MapPost("/", (UserInfo user) => Results.Created("/users/me", user)); // unprotected
        group.MapPost("/me/avatar", (HttpRequest request) => Results.NoContent()).RequireAuthorization();

        return group;
    }
}
