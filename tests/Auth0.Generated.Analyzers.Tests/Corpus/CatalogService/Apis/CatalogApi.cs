using System.Collections.Generic;
using Auth0.Generated;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Catalog.Apis;

public static class CatalogApi
{
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var vApi = app.NewVersionedApi("Catalog");
        var api = vApi.MapGroup("api/catalog").HasApiVersion(1, 0).HasApiVersion(2, 0);
        var v1 = vApi.MapGroup("api/catalog").HasApiVersion(1, 0);

        api.MapGet("/items", GetAllItems); // unprotected
        api.MapGet("/items/by", GetItemsByIds); // unprotected
        api.MapGet("/items/{id:int}", GetItemById); // unprotected
        v1.MapGet("/items/by/{name:minlength(1)}", GetItemsByName); // unprotected
        api.MapGet("/items/{id:int}/pic", GetItemPictureById).AllowAnonymous();

        api.MapPut("/items", UpdateItem).RequireAuthorization("catalog-admin");
        api.MapPost("/items", CreateItem).RequireScopes("catalog:write");
        api.MapDelete("/items/{id:int}", DeleteItemById); // unprotected

        return app;
    }

    private static IReadOnlyList<string> GetAllItems() => new[] { "a", "b" };

    private static IReadOnlyList<string> GetItemsByIds(int[] ids) => new[] { "a" };

    private static IResult GetItemById(int id) => Results.Ok(id);

    private static IResult GetItemsByName(string name) => Results.Ok(name);

    private static IResult GetItemPictureById(int id) => Results.NotFound();

    private static IResult UpdateItem(string item) => Results.Ok(item);

    private static IResult CreateItem(string item) => Results.Created("/items/1", item);

    private static IResult DeleteItemById(int id) => Results.NoContent();
}
