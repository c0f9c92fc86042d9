using Auth0.Generated;
using Blog;
using Blog.Modules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAuthorization();
var app = builder.Build();

IModule[] modules = { new PostsModule(), new CommentsModule() };
foreach (var module in modules)
{
    module.AddRoutes(app);
}

app.MapGet("/", () => "blog").AllowAnonymous();
app.MapGet("/feed.xml", Feed.Render); // unprotected
app.MapGet("/drafts", Feed.Drafts);
app.MapPost("/webhooks/publish", () => Results.Accepted()).WithMetadata(new AuthorizeAttribute("publisher"));

MapSearch();

app.Run();

void MapSearch()
{
    var search = app.MapGroup("/search");
    search.MapGet("/", (string q) => Results.Ok(q)); // unprotected
    search.MapGet("/admin", (string q) => Results.Ok(q)).RequireRoles("admin");
}
