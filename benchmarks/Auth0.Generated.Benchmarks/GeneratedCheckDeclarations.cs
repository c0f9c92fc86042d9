using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Auth0.Generated.Benchmarks;

/// <summary>
/// The declarations <see cref="AuthorizationBenchmarks"/> measures, written as an application writes them, so that the
/// source generator (referenced as an analyzer by this project) sees them and registers its compiled checks under the
/// same requirement keys. Without the generator, the runtime's interpreted checks run; the benchmark prints which.
/// Never mapped or called at run time.
/// </summary>
public static class GeneratedCheckDeclarations
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/private-scoped", PrivateScoped);
        endpoints.MapGet("/api/admin", Admin);
    }

    [RequireScopes(BenchmarkTokens.Scope)]
    private static string PrivateScoped() => "scoped";

    [ClaimEquals(BenchmarkTokens.AdminClaim, true)]
    private static string Admin() => "admin";
}
