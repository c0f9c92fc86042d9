namespace Auth0.Generated.Generator
{
    /// <summary>The names of the generator's pipeline steps (tests assert how each reacts to an edit).</summary>
    internal static class TrackingNames
    {
        public const string Token = nameof(Token);
        public const string Tokens = nameof(Tokens);
        public const string RequireScopes = nameof(RequireScopes);
        public const string RequireAnyScope = nameof(RequireAnyScope);
        public const string RequireRoles = nameof(RequireRoles);
        public const string ClaimEquals = nameof(ClaimEquals);
        public const string ClaimIncludes = nameof(ClaimIncludes);
        public const string ClaimCheck = nameof(ClaimCheck);
        public const string Conventions = nameof(Conventions);
        public const string Requirements = nameof(Requirements);
        public const string ResolvedRequirements = nameof(ResolvedRequirements);
        public const string ChecksFile = nameof(ChecksFile);
        public const string ApiScopeAttributes = nameof(ApiScopeAttributes);
        public const string ScopeCatalogFiles = nameof(ScopeCatalogFiles);
        public const string RootNamespace = nameof(RootNamespace);
        public const string ScopesFile = nameof(ScopesFile);

        /// <summary>Every step name, for tests that walk them all.</summary>
        public static readonly string[] All =
        [
            Token, Tokens, RequireScopes, RequireAnyScope, RequireRoles, ClaimEquals, ClaimIncludes, ClaimCheck, Conventions,
            Requirements, ResolvedRequirements, ChecksFile, ApiScopeAttributes, ScopeCatalogFiles, RootNamespace, ScopesFile,
        ];
    }
}
