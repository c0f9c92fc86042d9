using System.Linq;
using System.Reflection;
using Auth0.Generated.Authentication;
using Auth0.Generated.Authorization;
using Auth0.Generated.Keys;
using Auth0.Generated.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi;

namespace Auth0.Generated.OpenApi;

/// <summary>
/// Adds the Auth0 security scheme and, per operation, the security requirement, the 401/403 responses and a readable
/// description of the requirements, all computed from the endpoint's declarations (see <see cref="EndpointProtection"/>).
/// </summary>
internal sealed class Auth0OpenApiTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    /// <summary>The name of the security scheme in <c>components.securitySchemes</c>.</summary>
    public const string SchemeName = Auth0ApiDefaults.AuthenticationScheme;

    /// <summary>The name of the error body's schema in <c>components.schemas</c>.</summary>
    public const string ErrorSchemaName = "Auth0Error";

    /// <summary>More alternatives than this (the product of several any-of sets) are left to the description.</summary>
    private const int MaxAlternatives = 64;

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var services = context.ApplicationServices;
        var scopes = new SortedSet<string>(StringComparer.Ordinal);
        var policies = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var lookup = new EndpointLookup(services);
        foreach (var group in context.DescriptionGroups)
        {
            foreach (var description in group.Items)
            {
                var protection = await EndpointProtection.ComputeAsync(lookup.Metadata(description), policies).ConfigureAwait(false);
                foreach (var set in protection.AllOfScopes.Concat(protection.AnyOfScopes))
                {
                    scopes.UnionWith(set);
                }
            }
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[SchemeName] = await CreateSchemeAsync(services, scopes, cancellationToken).ConfigureAwait(false);
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        document.Components.Schemas[ErrorSchemaName] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "The RFC 6750 error body of a 401 or 403 answer (a 401 to a request without a token has no body).",
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["error"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "The RFC 6750 error code.",
                    Enum = [Auth0ErrorCodes.InvalidToken, Auth0ErrorCodes.InsufficientScope, Auth0ErrorCodes.InvalidRequest],
                },
                ["error_description"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What failed, for a human." },
            },
            Required = new HashSet<string>(StringComparer.Ordinal) { "error", "error_description" },
        };
    }

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var services = context.ApplicationServices;
        var metadata = new EndpointLookup(services).Metadata(context.Description);
        var protection = await EndpointProtection.ComputeAsync(metadata, services.GetRequiredService<IAuthorizationPolicyProvider>()).ConfigureAwait(false);
        if (protection.Kind != ProtectionKind.Protected || !UsesAuth0(protection, services))
        {
            return;
        }

        var scheme = new OpenApiSecuritySchemeReference(SchemeName, context.Document);
        operation.Security = [.. Alternatives(protection).Select(scopes => new OpenApiSecurityRequirement { [scheme] = scopes })];

        operation.Responses ??= [];
        operation.Responses["401"] = ErrorResponse(
            "Unauthorized: the access token is missing (bare `WWW-Authenticate: Bearer`, no body) or invalid (`invalid_token`).",
            context.Document);
        if (protection.MayForbid)
        {
            operation.Responses["403"] = ErrorResponse("Forbidden: the token lacks a required scope or role (`insufficient_scope`).", context.Document);
        }

        var requirements = "Authorization: " + protection.Describe() + ".";
        operation.Description = string.IsNullOrEmpty(operation.Description) ? requirements : operation.Description + "\n\n" + requirements;
    }

    /// <summary>
    /// The OpenAPI security requirements of the endpoint: a list of alternatives (any one suffices), each naming the
    /// scopes that must all be present. The all-of sets go into every alternative; each any-of set multiplies them.
    /// </summary>
    internal static List<List<string>> Alternatives(EndpointProtection protection)
    {
        var common = new List<string>();
        foreach (var set in protection.AllOfScopes)
        {
            common.AddRange(set.Where(s => !common.Contains(s)));
        }

        var alternatives = new List<List<string>> { common };
        foreach (var anyOf in protection.AnyOfScopes)
        {
            if (alternatives.Count * anyOf.Count > MaxAlternatives)
            {
                // Too many combinations to list: the scheme alone, with the description naming every scope rule.
                return [[]];
            }

            alternatives = [.. alternatives.SelectMany(alternative => anyOf.Select(scope => alternative.Contains(scope) ? alternative : [.. alternative, scope]))];
        }

        return [.. alternatives.DistinctBy(a => string.Join(' ', a))];
    }

    /// <summary>Whether the endpoint's policy authenticates with the Auth0 scheme (named, or the default scheme).</summary>
    private static bool UsesAuth0(EndpointProtection protection, IServiceProvider services)
    {
        if (protection.Schemes.Count > 0)
        {
            return protection.Schemes.Contains(SchemeName, StringComparer.Ordinal);
        }

        var options = services.GetService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Authentication.AuthenticationOptions>>()?.Value;
        return string.Equals(options?.DefaultAuthenticateScheme ?? options?.DefaultScheme, SchemeName, StringComparison.Ordinal)
            && protection.RequiresAuthentication;
    }

    private static OpenApiResponse ErrorResponse(string description, OpenApiDocument? document) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
        {
            ["application/json"] = new() { Schema = new OpenApiSchemaReference(ErrorSchemaName, document) },
        },
    };

    /// <summary>
    /// OAuth 2.0 (authorization code and client credentials) with the endpoints of the first issuer's discovery document
    /// when it names them; otherwise HTTP bearer with JWTs.
    /// </summary>
    private static async Task<OpenApiSecurityScheme> CreateSchemeAsync(IServiceProvider services, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        const string Description = "An access token (JWT) from the API's issuer, in `Authorization: Bearer <token>`. Each operation lists the scopes it needs; its description names any further claim requirement.";
        var validators = services.GetService<Auth0ValidatorProvider>();
        OAuthEndpoints? endpoints = null;
        if (validators is not null && !validators.UsesDevelopmentIssuer()
            && validators.Get().Issuers.Sources[0] is JwksKeySource remote)
        {
            endpoints = await remote.GetEndpointsAsync(cancellationToken).ConfigureAwait(false);
        }

        if (endpoints is { AuthorizationEndpoint: { } authorize, TokenEndpoint: { } token })
        {
            var catalog = ScopeDescriptions(services);
            Dictionary<string, string> ScopeMap() => scopes.ToDictionary(s => s, s => catalog.GetValueOrDefault(s) ?? s, StringComparer.Ordinal);
            return new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = Description,
                Flows = new OpenApiOAuthFlows
                {
                    AuthorizationCode = new OpenApiOAuthFlow { AuthorizationUrl = authorize, TokenUrl = token, Scopes = ScopeMap() },
                    ClientCredentials = new OpenApiOAuthFlow { TokenUrl = token, Scopes = ScopeMap() },
                },
            };
        }

        return new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = Description,
        };
    }

    /// <summary>The descriptions of the application's scope catalog (<c>[assembly: ApiScope(..., Description = ...)]</c>).</summary>
    private static Dictionary<string, string> ScopeDescriptions(IServiceProvider services)
    {
        var descriptions = new Dictionary<string, string>(StringComparer.Ordinal);
        var applicationName = services.GetService<IHostEnvironment>()?.ApplicationName;
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (assembly != Assembly.GetEntryAssembly() && assembly.GetName().Name != applicationName)
            {
                continue;
            }

            foreach (var scope in assembly.GetCustomAttributes<ApiScopeAttribute>())
            {
                if (!string.IsNullOrEmpty(scope.Description))
                {
                    descriptions.TryAdd(scope.Value, scope.Description);
                }
            }
        }

        return descriptions;
    }

    /// <summary>
    /// The endpoint metadata of an API description: the routed endpoint's (conventions included) when it can be found by
    /// its action descriptor (controllers), otherwise the descriptor's own copy (minimal APIs carry all of it).
    /// </summary>
    private sealed class EndpointLookup(IServiceProvider services)
    {
        private Dictionary<ActionDescriptor, Endpoint>? _byAction;

        public EndpointMetadataCollection Metadata(ApiDescription description)
        {
            _byAction ??= Index(services);
            return _byAction.TryGetValue(description.ActionDescriptor, out var endpoint)
                ? endpoint.Metadata
                : new EndpointMetadataCollection(description.ActionDescriptor.EndpointMetadata ?? []);
        }

        private static Dictionary<ActionDescriptor, Endpoint> Index(IServiceProvider services)
        {
            var index = new Dictionary<ActionDescriptor, Endpoint>(ReferenceEqualityComparer.Instance);
            foreach (var endpoint in services.GetService<EndpointDataSource>()?.Endpoints ?? [])
            {
                if (endpoint.Metadata.GetMetadata<ActionDescriptor>() is { } action)
                {
                    index.TryAdd(action, endpoint);
                }
            }

            return index;
        }
    }
}
