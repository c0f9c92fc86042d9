using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Shop;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.AddAuthorizationBuilder()
    .AddPolicy("admin", policy => policy.RequireRole("admin"))
    .AddFallbackPolicy("signed-in", policy => policy.RequireAuthenticatedUser());

var app = builder.Build();
app.MapControllers();
app.MapOrders();
app.MapGet("/", () => "shop");
app.MapGroup("/cart").MapCart();
app.Run();
