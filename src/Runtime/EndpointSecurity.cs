using System.Linq;
using System.Text;
using Auth0.Generated.Security;
using Microsoft.AspNetCore.Routing;

namespace Auth0.Generated;

/// <summary>
/// The security snapshot of an application: every endpoint with its methods, route and effective protection, in a
/// stable text form to review, print, or compare with a checked-in file (a one-line security regression test).
/// </summary>
/// <remarks>
/// <para>One line per endpoint, sorted by route then methods (ordinal), after one header line:</para>
/// <code>
/// GET /api/admin/edit -> authenticated (Auth0); scopes all of: read:admin, write:admin
/// GET /api/public -> anonymous
/// </code>
/// <para>
/// Methods are comma-separated (<c>*</c>: any method). The protection is <c>anonymous</c> (<c>[AllowAnonymous]</c>
/// wins), <c>open</c> (nothing protects the endpoint and there is no fallback policy), or the items of the endpoint's
/// effective policy, all of which must hold, joined by <c>; </c>: <c>fallback policy</c> (the endpoint declares
/// nothing), <c>policy NAME</c>, <c>authenticated (SCHEMES)</c>, <c>scopes all of: ...</c>, <c>scopes any of: ...</c>,
/// <c>roles any of: ...</c>, <c>CLAIM == VALUE</c>, <c>CLAIM includes ...</c>, <c>check TYPE.METHOD: MESSAGE</c>,
/// <c>check: MESSAGE</c> (a delegate), <c>DPoP (bound token and proof)</c>, <c>CLAIM any of: ...</c> / <c>has CLAIM</c> (ASP.NET Core claim requirements), and
/// the type name of any other requirement.
/// </para>
/// </remarks>
public static class EndpointSecurity
{
    /// <summary>The first line of every snapshot.</summary>
    public const string Header = "# Endpoint security: METHODS ROUTE -> protection (every item must hold)";

    /// <summary>The snapshot of the endpoints of <paramref name="services"/> (for example <c>app.Services</c> of a started app).</summary>
    public static Task<string> DescribeAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var endpoints = services.GetService<EndpointDataSource>()?.Endpoints ?? [];
        return DescribeAsync(endpoints, services);
    }

    /// <summary>The snapshot of the endpoints mapped on <paramref name="endpoints"/> (for example a <c>WebApplication</c>).</summary>
    public static Task<string> DescribeAsync(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return DescribeAsync(endpoints.DataSources.SelectMany(s => s.Endpoints).ToArray(), endpoints.ServiceProvider);
    }

    private static async Task<string> DescribeAsync(IReadOnlyList<Endpoint> endpoints, IServiceProvider services)
    {
        var policies = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var lines = new List<(string Route, string Methods, string Protection)>();
        foreach (var endpoint in endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ISuppressMatchingMetadata>() is { SuppressMatching: true })
            {
                continue;
            }

            var protection = await EndpointProtection.ComputeAsync(endpoint.Metadata, policies).ConfigureAwait(false);
            lines.Add((Route(endpoint), Methods(endpoint), protection.Describe()));
        }

        lines.Sort((a, b) =>
        {
            var byRoute = string.CompareOrdinal(a.Route, b.Route);
            return byRoute != 0 ? byRoute : string.CompareOrdinal(a.Methods, b.Methods);
        });

        var text = new StringBuilder(Header).Append('\n');
        foreach (var (route, methods, protection) in lines)
        {
            // One line per endpoint, whatever a declared value holds.
            text.Append(methods).Append(' ').Append(route).Append(" -> ")
                .Append(protection.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');
        }

        return text.ToString();
    }

    internal static string Route(RouteEndpoint endpoint) => "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');

    private static string Methods(Endpoint endpoint)
        => endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods
            ? string.Join(',', methods.Order(StringComparer.Ordinal))
            : "*";
}
