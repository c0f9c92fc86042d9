using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inventory;

public static class Endpoints
{
    public static RouteGroupBuilder Routes { get; set; } = null!;

    public static RouteGroupBuilder Admin { get; set; } = null!;

    public static void MapAll()
    {
        Routes.MapGet("/items", () => Results.Ok()); // unprotected
        Routes.MapPost("/items", (string sku) => Results.Created("/items/1", sku)).RequireAuthorization();
        Admin.MapGet("/audit", () => Results.Ok());
        Admin.MapDelete("/items/{sku}", (string sku) => Results.NoContent());
    }
}

public static class Modules
{
    public static readonly Action<IEndpointRouteBuilder>[] All = { MapSuppliers, MapWarehouses };

    private static void MapSuppliers(IEndpointRouteBuilder app)
        => app.MapGet("/suppliers", () => Results.Ok()); // unprotected

    private static void MapWarehouses(IEndpointRouteBuilder app)
        => app.MapGet("/warehouses", () => Results.Ok()).RequireAuthorization();
}
