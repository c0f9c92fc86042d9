// Linked source (src/Shared/Roslyn, generator and analyzers): the metadata names of the runtime's public types.
// The runtime (src/Runtime) defines these types; tests assert the names match typeof(...).FullName.
namespace Auth0.Generated.Shared
{
    internal static class WellKnownNames
    {
        public const string RuntimeNamespace = "Auth0.Generated";
        public const string AuthorizationNamespace = "Auth0.Generated.Authorization";

        public const string Auth0TokenAttribute = "Auth0.Generated.Auth0TokenAttribute";
        public const string ClaimAttribute = "Auth0.Generated.ClaimAttribute";

        // The requirement attributes' names are in RequirementKinds (src/Shared/RequirementKinds.cs).
        public const string ApiScopeAttribute = "Auth0.Generated.ApiScopeAttribute";
        public const string Auth0RequirementAttribute = "Auth0.Generated.Auth0RequirementAttribute";

        public const string AccessToken = "Auth0.Generated.AccessToken";
        public const string IAccessTokenFactory = "Auth0.Generated.IAccessTokenFactory`1";
        public const string IAuth0Check = "Auth0.Generated.Authorization.IAuth0Check";
        public const string Auth0Failure = "Auth0.Generated.Authorization.Auth0Failure";
        public const string GeneratedRegistrations = "Auth0.Generated.Authorization.GeneratedRegistrations";

        public const string AllowAnonymousAttribute = "Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute";
        public const string AuthorizeAttribute = "Microsoft.AspNetCore.Authorization.AuthorizeAttribute";
        public const string HttpContext = "Microsoft.AspNetCore.Http.HttpContext";
        public const string IBindableFromHttpContext = "Microsoft.AspNetCore.Http.IBindableFromHttpContext`1";
        public const string ValueTask1 = "System.Threading.Tasks.ValueTask`1";
        public const string DateTimeOffset = "System.DateTimeOffset";

        /// <summary>Additional files whose name ends with this (case-insensitive) hold a scope catalog in Auth0 export shape.</summary>
        public const string ScopeCatalogFileSuffix = "auth0-scopes.json";
    }
}
