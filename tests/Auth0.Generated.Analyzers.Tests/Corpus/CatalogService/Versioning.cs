// Stands in for the Asp.Versioning.Http package (not referenced by the tests): the same shapes and namespaces.
namespace Asp.Versioning.Builder
{
    public interface IVersionedEndpointRouteBuilder : Microsoft.AspNetCore.Routing.IEndpointRouteBuilder
    {
    }
}

namespace Microsoft.AspNetCore.Builder
{
    using Asp.Versioning.Builder;
    using Microsoft.AspNetCore.Routing;

    public static class VersionedEndpointRouteBuilderExtensions
    {
        public static IVersionedEndpointRouteBuilder NewVersionedApi(this IEndpointRouteBuilder endpoints, string name)
            => throw new System.NotSupportedException(name);

        public static TBuilder HasApiVersion<TBuilder>(this TBuilder builder, int major, int minor)
            where TBuilder : IEndpointConventionBuilder => builder;
    }
}
