using System.Runtime.CompilerServices;

namespace Auth0.Generated.Analyzers
{
    /// <summary>
    /// The types the analyzers look for, resolved once per compilation and shared by every analyzer of this assembly
    /// (the compilation holds the only reference to its instance, so it is collected with the compilation).
    /// </summary>
    internal sealed class KnownTypes
    {
        private static readonly ConditionalWeakTable<Compilation, KnownTypes> Cache = new ConditionalWeakTable<Compilation, KnownTypes>();

        private KnownTypes(Compilation compilation)
        {
            RequirementAttributes = new INamedTypeSymbol?[RequirementKinds.All.Count];
            foreach (var info in RequirementKinds.All)
            {
                RequirementAttributes[(int)info.Kind] = compilation.GetTypeByMetadataName(info.AttributeMetadataName);
            }

            ApiScope = compilation.GetTypeByMetadataName(WellKnownNames.ApiScopeAttribute);
            Auth0Token = compilation.GetTypeByMetadataName(WellKnownNames.Auth0TokenAttribute);
            Claim = compilation.GetTypeByMetadataName(WellKnownNames.ClaimAttribute);
            AccessToken = compilation.GetTypeByMetadataName(WellKnownNames.AccessToken);
            HttpContext = compilation.GetTypeByMetadataName(WellKnownNames.HttpContext);
            IBindableFromHttpContext = compilation.GetTypeByMetadataName(WellKnownNames.IBindableFromHttpContext);
            ValueTask1 = compilation.GetTypeByMetadataName(WellKnownNames.ValueTask1);
            IAuthorizeData = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authorization.IAuthorizeData");
            IAllowAnonymous = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authorization.IAllowAnonymous");
            ControllerBase = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
            ControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerAttribute");
            NonControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonControllerAttribute");
            NonActionAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonActionAttribute");
            IEndpointRouteBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
            RouteGroupBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Routing.RouteGroupBuilder");
            WebApplication = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.WebApplication");
            IEndpointConventionBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.IEndpointConventionBuilder");
        }

        /// <summary>The requirement attribute types, indexed by <see cref="RequirementKind"/> (null when not referenced).</summary>
        public INamedTypeSymbol?[] RequirementAttributes { get; }
        public INamedTypeSymbol? ApiScope { get; }
        public INamedTypeSymbol? Auth0Token { get; }
        public INamedTypeSymbol? Claim { get; }
        public INamedTypeSymbol? AccessToken { get; }
        public INamedTypeSymbol? HttpContext { get; }
        public INamedTypeSymbol? IBindableFromHttpContext { get; }
        public INamedTypeSymbol? ValueTask1 { get; }
        public INamedTypeSymbol? IAuthorizeData { get; }
        public INamedTypeSymbol? IAllowAnonymous { get; }
        public INamedTypeSymbol? ControllerBase { get; }
        public INamedTypeSymbol? ControllerAttribute { get; }
        public INamedTypeSymbol? NonControllerAttribute { get; }
        public INamedTypeSymbol? NonActionAttribute { get; }
        public INamedTypeSymbol? IEndpointRouteBuilder { get; }
        public INamedTypeSymbol? RouteGroupBuilder { get; }
        public INamedTypeSymbol? WebApplication { get; }
        public INamedTypeSymbol? IEndpointConventionBuilder { get; }

        /// <summary>The compilation's known types: looked up on the first call, then the same instance for every analyzer.</summary>
        public static KnownTypes Create(Compilation compilation) => Cache.GetValue(compilation, c => new KnownTypes(c));

        /// <summary>The requirement kind of an attribute class, or null when it is not one of ours.</summary>
        public RequirementKind? KindOf(INamedTypeSymbol? attributeClass)
        {
            if (attributeClass is null)
            {
                return null;
            }

            for (var i = 0; i < RequirementAttributes.Length; i++)
            {
                if (Eq(attributeClass, RequirementAttributes[i]))
                {
                    return (RequirementKind)i;
                }
            }

            return null;
        }

        /// <summary>Whether an attribute class is authorization metadata ([Authorize], our requirements, or anything implementing IAuthorizeData).</summary>
        public bool IsAuthorizeData(ITypeSymbol? type) => Implements(type, IAuthorizeData);

        /// <summary>Whether an attribute class is IAllowAnonymous metadata ([AllowAnonymous]).</summary>
        public bool IsAllowAnonymous(ITypeSymbol? type) => Implements(type, IAllowAnonymous);

        public static bool Eq(ISymbol? a, ISymbol? b) => a is not null && SymbolEqualityComparer.Default.Equals(a, b);

        private static bool Implements(ITypeSymbol? type, INamedTypeSymbol? @interface)
        {
            if (type is null || @interface is null)
            {
                return false;
            }

            foreach (var i in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(i, @interface))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
