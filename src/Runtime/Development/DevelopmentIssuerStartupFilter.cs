using System.Globalization;
using System.Linq;
using System.Text;
using Auth0.Generated.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Auth0.Generated.Development;

/// <summary>
/// When the development issuer is active (Development environment only), serves <c>GET /dev/token</c>, the discovery
/// document and the JWKS, and prints at startup one ready-to-run curl command per protected route.
/// </summary>
internal sealed partial class DevelopmentIssuerStartupFilter : IStartupFilter
{
    public const string TokenPath = "/dev/token";
    public const string DiscoveryPath = "/.well-known/openid-configuration";
    public const string JwksPath = "/.well-known/jwks.json";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var services = app.ApplicationServices;
        var validators = services.GetRequiredService<Auth0ValidatorProvider>();
        if (!validators.UsesDevelopmentIssuer())
        {
            next(app);
            return;
        }

        var issuer = services.GetRequiredService<DevelopmentIssuer>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Auth0.Generated.Development");
        services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => PrintCommands(services, issuer, logger));
        app.Use((context, nextMiddleware) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method))
            {
                return nextMiddleware(context);
            }

            var path = context.Request.Path;
            if (path.Equals(TokenPath, StringComparison.OrdinalIgnoreCase))
            {
                var audience = validators.Get().Audiences[0];
                var token = issuer.CreateToken(audience, ClaimsFromQuery(context.Request.Query));
                context.Response.ContentType = "text/plain";
                context.Response.Headers.CacheControl = "no-store";
                return context.Response.WriteAsync(token);
            }

            if (path.Equals(JwksPath, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync(issuer.JwksJson());
            }

            if (path.Equals(DiscoveryPath, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync(
                    "{\"issuer\":\"" + issuer.Issuer + "\",\"jwks_uri\":\"" + issuer.Issuer + JwksPath.TrimStart('/') + "\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
            }

            return nextMiddleware(context);
        });
        next(app);
    };

    /// <summary>
    /// <c>scope=a b</c> (or <c>a,b</c>) becomes the space-separated <c>scope</c> claim; any other parameter becomes a claim:
    /// <c>a,b</c> a JSON array, <c>true</c>/<c>false</c> a boolean, an integer a number, anything else a string.
    /// </summary>
    internal static Dictionary<string, object> ClaimsFromQuery(IQueryCollection query)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, values) in query)
        {
            var value = values.ToString();
            if (name == "jkt")
            {
                // A DPoP-bound token (RFC 9449): the client's key thumbprint in cnf.jkt.
                claims["cnf"] = new Dictionary<string, object>(StringComparer.Ordinal) { ["jkt"] = value };
            }
            else if (name == "scope")
            {
                claims[name] = string.Join(' ', value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries));
            }
            else if (value.Contains(',', StringComparison.Ordinal) || name == "roles" || name == "permissions")
            {
                claims[name] = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            }
            else if (bool.TryParse(value, out var flag))
            {
                claims[name] = flag;
            }
            else if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                claims[name] = number;
            }
            else
            {
                claims[name] = value;
            }
        }

        return claims;
    }

    private static void PrintCommands(IServiceProvider services, DevelopmentIssuer issuer, ILogger logger)
    {
        var baseUrl = issuer.Issuer.TrimEnd('/');
        var rolesClaim = services.GetRequiredService<Auth0ValidatorProvider>().Get().Settings.RolesClaim;
        var builder = new StringBuilder();
        builder.AppendLine(CultureInfo.InvariantCulture, $"Development issuer {issuer.Issuer} (Development only). Tokens: GET {baseUrl}{TokenPath}?scope=...&roles=...&<claim>=<value>");
        foreach (var endpoint in services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var requirements = endpoint.Metadata.GetOrderedMetadata<Auth0RequirementAttribute>();
            if (requirements.Count == 0 || endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)
            {
                continue;
            }

            var query = new List<string>();
            var note = string.Empty;
            var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            void AddToList(string claim, IEnumerable<string> values)
            {
                if (!lists.TryGetValue(claim, out var list))
                {
                    lists[claim] = list = [];
                }

                list.AddRange(values.Where(v => !list.Contains(v)));
            }

            foreach (var requirement in requirements)
            {
                switch (requirement)
                {
                    case RequireScopesAttribute all:
                        AddToList("scope", all.Scopes);
                        break;
                    case RequireAnyScopeAttribute any:
                        AddToList("scope", any.Scopes.Take(1));
                        break;
                    case RequireRolesAttribute roles:
                        AddToList(rolesClaim, roles.Roles.Take(1));
                        break;
                    case ClaimIncludesAttribute includes:
                        AddToList(includes.Claim, includes.Values);
                        break;
                    case ClaimEqualsAttribute equals:
                        query.Add(Uri.EscapeDataString(equals.Claim) + "=" + Uri.EscapeDataString(RequirementKeyFormat.FormatValue(equals.Kind, equals.Value)));
                        break;
                    case RequireDPoPAttribute:
                        note = "   # DPoP: add jkt=<your key thumbprint> to the token query and send Authorization: DPoP with a proof";
                        break;
                    default:
                        note = "   # custom check: add the claims it needs to the token query";
                        break;
                }
            }

            foreach (var (claim, values) in lists)
            {
                query.Add(Uri.EscapeDataString(claim) + "=" + string.Join(claim == "scope" ? "%20" : ",", values.Select(Uri.EscapeDataString)));
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            var method = methods is { Count: > 0 } ? methods[0] : "GET";
            var path = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            builder.Append("  curl ");
            if (method != "GET")
            {
                builder.Append("-X ").Append(method).Append(' ');
            }

            builder.Append("-H \"Authorization: Bearer $(curl -s '").Append(baseUrl).Append(TokenPath);
            if (query.Count > 0)
            {
                builder.Append('?').Append(string.Join('&', query));
            }

            builder.Append("')\" ").Append(baseUrl).Append(path).Append(note).AppendLine();
        }

        LogCommands(logger, builder.ToString());
    }

    [LoggerMessage(1, LogLevel.Information, "{Commands}")]
    private static partial void LogCommands(ILogger logger, string commands);
}
