using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Catalog.Apis;

public static class BrandsApi
{
    public static IEndpointRouteBuilder MapBrandsApi(this IEndpointRouteBuilder app)
    {
        var brands = app.NewVersionedApi("Brands").MapGroup("api/brands").HasApiVersion(1, 0).RequireAuthorization();
        brands.MapGet("/", () => Results.Ok());
        brands.MapGet("/{id:int}", (int id) => Results.Ok(id));

        var types = app.NewVersionedApi("Types").MapGroup("api/types").HasApiVersion(1, 0);
        types.MapGet("/", [Authorize] () => Results.Ok());
        types.MapGet("/{id:int}", (int id) => Results.Ok(id)); // unprotected
        return app;
    }
}
