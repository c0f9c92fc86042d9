using System.Linq;
using System.Reflection;
using Auth0.Generated.Authentication;
using Auth0.Generated.DPoP;
using Auth0.Generated.Keys;
using Auth0.Generated.Security;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi;

namespace Auth0.Generated.OpenApi;

/// <summary>
/// Adds the Auth0 security scheme and, per operation, the security requirement, the 401/403 responses and a readable
/// description of the requirements, all computed from the endpoint's declarations (see <see cref="EndpointProtection"/>).
/// When the <c>Auth0</c> scheme's DPoP mode is not <see cref="DPoPMode.Disabled"/>, also the <c>DPoP</c> scheme (an HTTP
/// authentication scheme named <c>DPoP</c>, registered by RFC 9449 in IANA's HTTP Authentication Scheme registry, as
/// OpenAPI's <c>http</c> type expects): an alternative to <c>Auth0</c> on every protected operation in mode
/// <see cref="DPoPMode.Allowed"/>, the only requirement (with a required <c>DPoP</c> header parameter) on operations that
/// need it (<see cref="RequireDPoPAttribute"/>, or mode <see cref="DPoPMode.Required"/>). See docs/visibility.md.
/// </summary>
internal sealed class Auth0OpenApiTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    /// <summary>The name of the security scheme in <c>components.securitySchemes</c>.</summary>
    public const string SchemeName = Auth0ApiDefaults.AuthenticationScheme;

    /// <summary>The name of the DPoP security scheme in <c>components.securitySchemes</c>.</summary>
    public const string DPoPSchemeName = DPoPDefaults.AuthorizationScheme;

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
        var dpop = DPoPOf(services);
        foreach (var group in context.DescriptionGroups)
        {
            foreach (var description in group.Items)
            {
                var protection = await EndpointProtection.ComputeAsync(lookup.Metadata(description), policies).ConfigureAwait(false);
                if (dpop.Mode == DPoPMode.Disabled && protection.Kind == ProtectionKind.Protected && SelectedScheme(protection, services) is var selected && selected != SchemeName)
                {
                    // The Auth0 scheme has DPoP off, but an endpoint selects a further scheme that may have it on.
                    dpop = DPoPOf(services, selected);
                }

                foreach (var set in protection.AllOfScopes.Concat(protection.AnyOfScopes))
                {
                    scopes.UnionWith(set);
                }
            }
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[SchemeName] = await CreateSchemeAsync(services, scopes, cancellationToken).ConfigureAwait(false);
        if (dpop.Mode != DPoPMode.Disabled)
        {
            document.Components.SecuritySchemes[DPoPSchemeName] = CreateDPoPScheme(dpop);
        }

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
                    Enum = (dpop.Mode, dpop.RequireNonce) switch
                    {
                        (DPoPMode.Disabled, _) => [Auth0ErrorCodes.InvalidToken, Auth0ErrorCodes.InsufficientScope, Auth0ErrorCodes.InvalidRequest],
                        (_, false) => [Auth0ErrorCodes.InvalidToken, Auth0ErrorCodes.InsufficientScope, Auth0ErrorCodes.InvalidRequest, Auth0ErrorCodes.InvalidDPoPProof],
                        _ => [Auth0ErrorCodes.InvalidToken, Auth0ErrorCodes.InsufficientScope, Auth0ErrorCodes.InvalidRequest, Auth0ErrorCodes.InvalidDPoPProof, Auth0ErrorCodes.UseDPoPNonce],
                    },
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

        // Which schemes a client may use: Bearer (the Auth0 scheme) unless DPoP is required, DPoP unless it is disabled,
        // by the DPoP mode of the Auth0 scheme that answers for the endpoint (a further one it selected, or Auth0).
        var dpop = DPoPOf(services, SelectedScheme(protection, services));
        var dpopRequired = dpop.Mode == DPoPMode.Required || (protection.RequiresDPoP && dpop.Mode != DPoPMode.Disabled);
        var alternatives = Alternatives(protection);
        var security = new List<OpenApiSecurityRequirement>();
        if (!dpopRequired)
        {
            var scheme = new OpenApiSecuritySchemeReference(SchemeName, context.Document);
            security.AddRange(alternatives.Select(scopes => new OpenApiSecurityRequirement { [scheme] = scopes }));
        }

        if (dpop.Mode != DPoPMode.Disabled)
        {
            var scheme = new OpenApiSecuritySchemeReference(DPoPSchemeName, context.Document);
            security.AddRange(alternatives.Select(scopes => new OpenApiSecurityRequirement { [scheme] = scopes }));
        }

        operation.Security = security;
        if (dpopRequired)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = DPoPDefaults.ProofHeader,
                In = ParameterLocation.Header,
                Required = true,
                Description = "A fresh DPoP proof JWT for this request (RFC 9449), signed by the key the access token is bound to: see the `DPoP` security scheme.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        var nonce = dpop.RequireNonce ? " or lacks the current server nonce (`use_dpop_nonce`, with a `DPoP-Nonce` header)" : string.Empty;
        operation.Responses ??= [];
        operation.Responses["401"] = ErrorResponse(
            dpop.Mode == DPoPMode.Disabled
                ? "Unauthorized: the access token is missing (bare `WWW-Authenticate: Bearer`, no body) or invalid (`invalid_token`)."
                : dpopRequired
                    ? "Unauthorized: the DPoP-bound access token is missing (bare `WWW-Authenticate: DPoP`, no body), sent as Bearer or invalid (`invalid_token`), or its proof is missing or invalid (`invalid_dpop_proof`)" + nonce + "."
                    : "Unauthorized: the access token is missing (bare `WWW-Authenticate: Bearer` and `DPoP` challenges, no body) or invalid (`invalid_token`), or, with the DPoP scheme, its proof is missing or invalid (`invalid_dpop_proof`)" + nonce + ".",
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

    /// <summary>The Auth0 scheme that answers for the endpoint: a further one its policy names (<see cref="Auth0SchemeSelector"/>), or <c>Auth0</c>.</summary>
    private static string SelectedScheme(EndpointProtection protection, IServiceProvider services)
        => services.GetService<Auth0SchemeSelector>()?.FurtherScheme(protection.Schemes) ?? SchemeName;

    /// <summary>Whether the endpoint's policy authenticates with an Auth0 scheme (named, or the default scheme).</summary>
    private static bool UsesAuth0(EndpointProtection protection, IServiceProvider services)
    {
        if (protection.Schemes.Count > 0)
        {
            var selector = services.GetService<Auth0SchemeSelector>();
            return protection.Schemes.Any(s => s == SchemeName || selector?.IsAuth0Scheme(s) == true);
        }

        var options = services.GetService<IOptions<Microsoft.AspNetCore.Authentication.AuthenticationOptions>>()?.Value;
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

    /// <summary>The DPoP options of an Auth0 scheme (defaults when the scheme is not registered).</summary>
    private static DPoPOptions DPoPOf(IServiceProvider services, string scheme = SchemeName)
        => services.GetService<IOptionsMonitor<Auth0ApiOptions>>()?.Get(scheme).DPoP ?? new DPoPOptions();

    /// <summary>HTTP authentication with the <c>DPoP</c> scheme: what the client sends with every request.</summary>
    private static OpenApiSecurityScheme CreateDPoPScheme(DPoPOptions dpop)
    {
        var algorithms = string.Join(", ", DPoPProofValidator.SupportedAlgorithms.Where(dpop.Algorithms.Contains));
        var nonce = dpop.RequireNonce
            ? " The proof must carry as `nonce` the latest `DPoP-Nonce` response header of the API (a proof without it is answered 401 `use_dpop_nonce` with a fresh one)."
            : string.Empty;
        return new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = DPoPDefaults.AuthorizationScheme,
            BearerFormat = "JWT",
            Description = "A DPoP-bound access token (RFC 9449: its `cnf.jkt` is the thumbprint of the client's key) from the API's issuer, in "
                + "`Authorization: DPoP <token>`, and on every request a `DPoP` header: a fresh proof JWT (`typ` `dpop+jwt`, `alg` one of "
                + algorithms + ", the public `jwk`; `htm` and `htu` of this request, `iat`, a unique `jti`, `ath` of the token) signed by that key."
                + nonce + " Each operation lists the scopes it needs; its description names any further claim requirement.",
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
