using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Shop;

public static class Modules
{
    public static void MapOrders(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/orders");
        orders.MapGet("/", () => Results.Ok());
        orders.MapPost("/", (string order) => Results.Created("/orders/1", order));
        orders.MapDelete("/{id}", (int id) => Results.NoContent()).RequireAuthorization("admin");
    }

    public static RouteGroupBuilder MapCart(this RouteGroupBuilder cart)
    {
        cart.MapGet("/", () => Results.Ok());
        cart.MapPut("/", (string item) => Results.Ok(item));
        return cart;
    }
}

public class ProductsController : ControllerBase
{
    public IActionResult Get() => Ok();

    public IActionResult Post(string product) => Ok(product);
}
