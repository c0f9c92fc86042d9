using System.Collections.Generic;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TodoApi;

public record Todo(int Id, string Title, bool Done);

public static class TodoEndpoints
{
    public static RouteGroupBuilder MapTodos(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/todos");
        group.WithTags("Todos");

        group.MapGet("/", () => new List<Todo>());
        group.MapGet("/{id}", (int id) => Results.Ok(new Todo(id, "x", false)));
        group.MapPost("/", (Todo todo) => Results.Created($"/todos/{todo.Id}", todo));
        group.MapPut("/{id}", (int id, Todo todo) => Results.Ok(todo));
        group.MapDelete("/{id}", (int id) => Results.NoContent());

        return group;
    }
}
