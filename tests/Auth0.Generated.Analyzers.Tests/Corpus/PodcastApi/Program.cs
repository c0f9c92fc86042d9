using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Podcasts;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAuthorization();
var app = builder.Build();
app.MapApi();
app.Run();
