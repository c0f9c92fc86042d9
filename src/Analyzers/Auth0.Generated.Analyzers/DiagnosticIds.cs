namespace Auth0.Generated.Analyzers
{
    /// <summary>
    /// The ids of every Auth0.Generated diagnostic. Ids are stable: a retired id is never reused.
    /// A0G0xx protection, A0G1xx scopes, A0G2xx claims, A0G3xx declarations, A0G4xx DPoP.
    /// </summary>
    public static class DiagnosticIds
    {
        public const string UnprotectedRoute = "A0G001";
        public const string AllowAnonymousOverridesRequirement = "A0G002";
        public const string ProtectionNotEstablished = "A0G003";
        public const string UnprotectedThroughCallSite = "A0G004";

        public const string UnknownScope = "A0G101";
        public const string UnusedCatalogScope = "A0G102";
        public const string InvalidScopeSyntax = "A0G103";
        public const string DuplicateScope = "A0G104";
        public const string InvalidScopeCatalog = "A0G105";

        public const string UndeclaredClaim = "A0G201";
        public const string ClaimValueTypeMismatch = "A0G202";
        public const string ClaimIncludesOnNonList = "A0G203";
        public const string ContradictoryClaimEquals = "A0G204";

        public const string ClaimCheckMethodNotFound = "A0G301";
        public const string ClaimCheckWrongSignature = "A0G302";
        public const string RequirementWithoutValues = "A0G303";
        public const string TokenNotPartial = "A0G304";
        public const string TokenShapeNotSupported = "A0G305";
        public const string TokenHasBaseType = "A0G306";
        public const string UnsupportedClaimType = "A0G307";
        public const string ClaimPropertyNotPartial = "A0G308";
        public const string TokenNotBindableByRequestDelegateGenerator = "A0G309";
        public const string TokenBaseClassNotDeclared = "A0G310";

        public const string RequireDPoPWithDPoPDisabled = "A0G401";
    }
}
