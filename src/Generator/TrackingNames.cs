namespace Auth0.Generated.Generator
{
    /// <summary>The names of the generator's pipeline steps (tests assert how each reacts to an edit).</summary>
    internal static class TrackingNames
    {
        /// <summary>The one syntax scan: what each matched attribute list or convention call declares.</summary>
        public const string Declarations = nameof(Declarations);
        public const string Token = nameof(Token);
        public const string Tokens = nameof(Tokens);
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
            Declarations, Token, Tokens, Requirements, ResolvedRequirements, ChecksFile, ApiScopeAttributes, ScopeCatalogFiles, RootNamespace, ScopesFile,
        ];
    }
}
