using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Blog.Modules;

public sealed class PostsModule : IModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var posts = app.MapGroup("/posts");
        posts.MapGet("/", () => Results.Ok()); // unprotected
        posts.MapPost("/", (string body) => Results.Created("/posts/1", body)).RequireAuthorization();
    }
}
