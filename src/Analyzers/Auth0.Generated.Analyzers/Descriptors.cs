namespace Auth0.Generated.Analyzers
{
    /// <summary>The descriptor of every Auth0.Generated diagnostic (ids in <see cref="DiagnosticIds"/>).</summary>
    internal static class Descriptors
    {
        public const string HelpLinkBase = "https://github.com/auth0-generated/Auth0.Generated/blob/main/docs/diagnostics/";

        public const string ProtectionCategory = "Auth0.Protection";
        public const string ScopesCategory = "Auth0.Scopes";
        public const string ClaimsCategory = "Auth0.Claims";
        public const string DeclarationsCategory = "Auth0.Declarations";
        public const string DPoPCategory = "Auth0.DPoP";

        /// <summary>Diagnostic property holding the suggested replacement scope (read by the code fix).</summary>
        public const string SuggestionProperty = "Suggestion";

        /// <summary>Diagnostic property telling the code fix what kind of endpoint was reported (see <see cref="EndpointKinds"/>).</summary>
        public const string EndpointKindProperty = "EndpointKind";

        public static readonly DiagnosticDescriptor UnprotectedRoute = Create(
            DiagnosticIds.UnprotectedRoute,
            "Endpoint is not protected",
            "Endpoint {0} is reachable without authentication: add a requirement, RequireAuthorization() or [Authorize], or mark it [AllowAnonymous]/AllowAnonymous() if it is public on purpose",
            ProtectionCategory,
            DiagnosticSeverity.Warning,
            "Nothing the analyzer can see protects this endpoint: no Auth0.Generated requirement, no [Authorize], no RequireAuthorization() on it or an enclosing group, no authorization fallback policy in the project, and no explicit [AllowAnonymous].");

        public static readonly DiagnosticDescriptor AllowAnonymousOverridesRequirement = Create(
            DiagnosticIds.AllowAnonymousOverridesRequirement,
            "[AllowAnonymous] overrides a requirement on the same endpoint",
            "{0} is declared together with [AllowAnonymous]/AllowAnonymous() on the same endpoint; AllowAnonymous wins, so the requirement never runs",
            ProtectionCategory,
            DiagnosticSeverity.Warning,
            "ASP.NET Core's authorization middleware skips every endpoint whose metadata contains IAllowAnonymous, so a requirement on the same endpoint is never evaluated. Remove one of the two.");

        public static readonly DiagnosticDescriptor ProtectionNotEstablished = new DiagnosticDescriptor(
            DiagnosticIds.ProtectionNotEstablished,
            "Endpoint protection could not be established",
            "The protection of endpoint {0} could not be established: {1}",
            ProtectionCategory,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: false,
            description: "Opt-in (enable it with 'dotnet_diagnostic.A0G003.severity = warning' in .editorconfig) for teams that require provable protection: the endpoint may be protected, but by something the analysis does not follow, so A0G001 and A0G004 stay silent about it.",
            helpLinkUri: HelpLinkBase + DiagnosticIds.ProtectionNotEstablished + ".md",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor UnprotectedThroughCallSite = Create(
            DiagnosticIds.UnprotectedThroughCallSite,
            "Endpoint is not protected through one of its call sites",
            "Endpoint {0} is reachable without authentication when mapped through {1}: protect it there, on the endpoint or its group, or mark it AllowAnonymous() if it is public on purpose",
            ProtectionCategory,
            DiagnosticSeverity.Warning,
            "The endpoint is mapped on a builder that a method of yours receives (or returns to its caller); at the call site named in the message, nothing protects that builder: no RequireAuthorization(), requirement or AllowAnonymous() on it, an enclosing group or the returned builder, and no fallback policy. Reported at compilation end (build, or full-solution analysis in the IDE).",
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor UnknownScope = Create(
            DiagnosticIds.UnknownScope,
            "Scope is not in the scope catalog",
            "Scope '{0}' is not in the API's scope catalog{1}",
            ScopesCategory,
            DiagnosticSeverity.Error,
            "The API declares its scopes in a catalog ([assembly: ApiScope] or an *auth0-scopes.json additional file). A required scope outside it can never be granted by the authorization server.");

        public static readonly DiagnosticDescriptor UnusedCatalogScope = Create(
            DiagnosticIds.UnusedCatalogScope,
            "Catalog scope is not used",
            "Scope '{0}' is declared in the scope catalog but no endpoint requires it",
            ScopesCategory,
            DiagnosticSeverity.Info,
            "A catalog scope that no requirement and no reference to its generated constant uses may be stale.",
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor InvalidScopeSyntax = Create(
            DiagnosticIds.InvalidScopeSyntax,
            "Scope is empty or contains whitespace",
            "Scope '{0}' is invalid ({1}); scopes are non-empty and space-delimited, so it can never match a token scope",
            ScopesCategory,
            DiagnosticSeverity.Error,
            "The scope claim is a space-separated list: a scope cannot be empty or contain whitespace. To require several scopes, pass each as its own argument.");

        public static readonly DiagnosticDescriptor DuplicateScope = Create(
            DiagnosticIds.DuplicateScope,
            "Scope is listed more than once",
            "Scope '{0}' is listed more than once in the same requirement",
            ScopesCategory,
            DiagnosticSeverity.Warning,
            "A repeated scope changes nothing and usually hides a typo in the scope that was meant.");

        public static readonly DiagnosticDescriptor InvalidScopeCatalog = Create(
            DiagnosticIds.InvalidScopeCatalog,
            "Scope catalog file cannot be read",
            "Scope catalog '{0}' cannot be read: {1}",
            ScopesCategory,
            DiagnosticSeverity.Error,
            "A scope catalog file must be a JSON array of {\"value\": \"...\", \"description\": \"...\"} objects, or an object with such a \"scopes\" array (the shape Auth0 exports).");

        public static readonly DiagnosticDescriptor UndeclaredClaim = Create(
            DiagnosticIds.UndeclaredClaim,
            "Claim is not declared on the token",
            "Claim '{0}' is not declared on {1}{2}",
            ClaimsCategory,
            DiagnosticSeverity.Warning,
            "A claim requirement names a claim that the [Auth0Token] type does not declare and that is not a registered claim: usually a typo. Declare it as a partial property (with [Claim(\"...\")] if its name is not an identifier).");

        public static readonly DiagnosticDescriptor ClaimValueTypeMismatch = Create(
            DiagnosticIds.ClaimValueTypeMismatch,
            "Claim value does not match the claim's type",
            "{0} compares claim '{1}' with a {2} value, but the claim is declared as {3}; claim comparison is strictly typed, so the requirement can never pass",
            ClaimsCategory,
            DiagnosticSeverity.Error,
            "[ClaimEquals] compares the JSON type as well as the value: \"true\" (a string) does not equal true (a boolean).");

        public static readonly DiagnosticDescriptor ClaimIncludesOnNonList = Create(
            DiagnosticIds.ClaimIncludesOnNonList,
            "[ClaimIncludes] on a claim that is not a list",
            "{0} requires elements of claim '{1}', which is declared as {2}, not a list; use [ClaimEquals] or declare the claim as IReadOnlyList<string>",
            ClaimsCategory,
            DiagnosticSeverity.Error,
            "[ClaimIncludes] checks element membership in a list claim (a JSON array of strings or a space-separated string).");

        public static readonly DiagnosticDescriptor ContradictoryClaimEquals = Create(
            DiagnosticIds.ContradictoryClaimEquals,
            "[ClaimEquals] requirements that can never all hold",
            "{0} and {1} can never both hold: claim '{2}' has one value, so every request is refused",
            ClaimsCategory,
            DiagnosticSeverity.Warning,
            "Requirements on one declaration, or chained on one builder, must all hold (AND). Two [ClaimEquals] (or .RequireClaimEquals) of one claim with different values refuse every token (an integer and a number are the same value when they read as the same double).");

        public static readonly DiagnosticDescriptor ClaimCheckMethodNotFound = Create(
            DiagnosticIds.ClaimCheckMethodNotFound,
            "[ClaimCheck] method does not exist",
            "Type '{0}' has no method named '{1}'",
            DeclarationsCategory,
            DiagnosticSeverity.Error,
            "[ClaimCheck] names a static method of the given type; without it the endpoint fails at startup.");

        public static readonly DiagnosticDescriptor ClaimCheckWrongSignature = Create(
            DiagnosticIds.ClaimCheckWrongSignature,
            "[ClaimCheck] method has the wrong signature",
            "Method '{0}.{1}' must be 'static bool {1}(TToken)', 'static bool {1}(TToken, HttpContext)' or 'static ValueTask<bool> {1}(TToken, HttpContext)' where TToken is AccessToken or your [Auth0Token] type",
            DeclarationsCategory,
            DiagnosticSeverity.Error,
            "The check method must be static, non-generic, and take the token (and optionally the HttpContext).");

        public static readonly DiagnosticDescriptor RequirementWithoutValues = Create(
            DiagnosticIds.RequirementWithoutValues,
            "Requirement has no values",
            "{0} declares no {1}; the endpoint fails at startup",
            DeclarationsCategory,
            DiagnosticSeverity.Error,
            "A requirement with no values (or an empty claim name, role or value) throws ArgumentException when the endpoint's policy is built.");

        public static readonly DiagnosticDescriptor TokenNotPartial = Create(
            DiagnosticIds.TokenNotPartial,
            "[Auth0Token] type must be partial",
            "[Auth0Token] type '{0}' must be declared partial so the generator can complete it",
            DeclarationsCategory,
            DiagnosticSeverity.Error,
            "The generator adds the AccessToken base and the claim accessors to the token type, which needs every declaration to be partial.");

        public static readonly DiagnosticDescriptor TokenShapeNotSupported = Create(
            DiagnosticIds.TokenShapeNotSupported,
            "[Auth0Token] type has a shape the generator does not support",
            "[Auth0Token] type '{0}' {1}; the generator supports a top-level (not nested), non-generic, non-static, non-abstract class",
            DeclarationsCategory,
            DiagnosticSeverity.Error,
            "The generator completes top-level, non-generic, non-static classes (in any namespace) and instantiates them; for any other shape it emits nothing.");

        public static readonly DiagnosticDescriptor TokenHasBaseType = Create(
            DiagnosticIds.TokenHasBaseType,
            "[Auth0Token] type must not declare a base type",
            "[Auth0Token] type '{0}' derives from '{1}'; the generator derives it from AccessToken, so declare no base class",
            DeclarationsCategory,
            DiagnosticSeverity.Error,
            "The generated part of the token type declares AccessToken as its base; a second base class cannot compile.");

        public static readonly DiagnosticDescriptor UnsupportedClaimType = Create(
            DiagnosticIds.UnsupportedClaimType,
            "Claim property has an unsupported type",
            "Claim property '{0}' has type '{1}', which is not a supported claim type (string, bool, int, long, double, DateTimeOffset, an enum, string[] or IReadOnlyList<string>, optionally nullable)",
            DeclarationsCategory,
            DiagnosticSeverity.Error,
            "The generator reads claims with strictly typed readers; other types get no accessor.");

        public static readonly DiagnosticDescriptor ClaimPropertyNotPartial = Create(
            DiagnosticIds.ClaimPropertyNotPartial,
            "Claim property must be partial",
            "Property '{0}' has [Claim] but is not partial, so the generator cannot implement it",
            DeclarationsCategory,
            DiagnosticSeverity.Error,
            "Declare claim properties as 'public partial T Name { get; }'; the generator supplies the implementation.");

        public static readonly DiagnosticDescriptor TokenNotBindableByRequestDelegateGenerator = Create(
            DiagnosticIds.TokenNotBindableByRequestDelegateGenerator,
            "Token parameter cannot be bound by the Request Delegate Generator",
            "Declare 'IBindableFromHttpContext<{0}>' on '{0}' so the Request Delegate Generator (on under Native AOT) binds this parameter",
            DeclarationsCategory,
            DiagnosticSeverity.Warning,
            "With PublishAot or EnableRequestDelegateGenerator the Request Delegate Generator writes the minimal API binding code. It cannot see the BindAsync our generator emits, so without the interface it binds the token as a JSON body or a service and the app fails at startup.");

        public static readonly DiagnosticDescriptor TokenBaseClassNotDeclared = Create(
            DiagnosticIds.TokenBaseClassNotDeclared,
            "[Auth0Token] type does not declare its base class",
            "Declare 'AccessToken' as the base class of '{0}' where [Auth0Token] is, so other source generators (the Request Delegate Generator under Native AOT) see the members it inherits",
            DeclarationsCategory,
            DiagnosticSeverity.Warning,
            "Source generators do not see each other's output. The generated half of the token derives it from AccessToken, but the Request Delegate Generator (on with PublishAot) sees only your declaration: a handler that returns token.Sub, token.Scopes or any other inherited member makes it emit code that does not compile.");

        public static readonly DiagnosticDescriptor RequireDPoPWithDPoPDisabled = Create(
            DiagnosticIds.RequireDPoPWithDPoPDisabled,
            "RequireDPoP can never hold: DPoP is disabled",
            "'{0}' can never hold: the project sets 'DPoP.Mode = DPoPMode.Disabled', so every request to this endpoint is refused",
            DPoPCategory,
            DiagnosticSeverity.Warning,
            "With DPoP disabled the runtime treats 'Authorization: DPoP' as a malformed header, so no request is ever authenticated with a DPoP proof and a [RequireDPoP] endpoint answers 401 to everyone. Enable DPoP (Allowed or Required) or remove the requirement.",
            WellKnownDiagnosticTags.CompilationEnd);

        private static DiagnosticDescriptor Create(
            string id, string title, string message, string category, DiagnosticSeverity severity, string description, params string[] tags)
            => new DiagnosticDescriptor(
                id,
                title,
                message,
                category,
                severity,
                isEnabledByDefault: true,
                description: description,
                helpLinkUri: HelpLinkBase + id + ".md",
                customTags: tags);
    }

    /// <summary>Values of <see cref="Descriptors.EndpointKindProperty"/>.</summary>
    internal static class EndpointKinds
    {
        public const string MinimalApi = "MinimalApi";
        public const string ControllerAction = "ControllerAction";
    }
}
