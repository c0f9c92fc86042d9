using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Blog.Modules;

public sealed class CommentsModule : IModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var comments = app.MapGroup("/posts/{postId:int}/comments").RequireAuthorization();
        comments.MapGet("/", (int postId) => Results.Ok(postId)).AllowAnonymous();
        comments.MapPost("/", (int postId, string text) => Results.Created("/comments/1", text));
    }
}
