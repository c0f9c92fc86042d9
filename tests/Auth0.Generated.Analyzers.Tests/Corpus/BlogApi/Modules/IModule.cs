using Microsoft.AspNetCore.Routing;

namespace Blog.Modules;

public interface IModule
{
    void AddRoutes(IEndpointRouteBuilder app);
}
