using Auth0.Generated;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TodoApi;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAuthorization();
var app = builder.Build();

app.MapTodos().RequireAuthorization();
app.MapUsers();
app.MapGroup("/admin").RequireRoles("admin").MapAdmin();
app.MapTags().WithTags("tags");
app.MapGet("/", () => "Todo API").ExcludeFromDescription(); // unprotected

app.Run();
