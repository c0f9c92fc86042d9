namespace Auth0.Generated.Generator
{
    /// <summary>The names of the generator's pipeline steps (tests assert how each reacts to an edit).</summary>
    internal static class TrackingNames
    {
        public const string Token = nameof(Token);
        public const string Tokens = nameof(Tokens);
        public const string Conventions = nameof(Conventions);
        public const string Requirements = nameof(Requirements);
        public const string ResolvedRequirements = nameof(ResolvedRequirements);
        public const string ChecksFile = nameof(ChecksFile);
        public const string ApiScopeAttributes = nameof(ApiScopeAttributes);
        public const string ScopeCatalogFiles = nameof(ScopeCatalogFiles);
        public const string RootNamespace = nameof(RootNamespace);
        public const string ScopesFile = nameof(ScopesFile);

        /// <summary>Every step name, for tests that walk them all.</summary>
        public static readonly string[] All = Build();

        /// <summary>The step that reads one requirement kind's attribute: named after the attribute (<c>RequireScopes</c>).</summary>
        public static string Attribute(RequirementKindInfo info) => info.AttributeName;

        private static string[] Build()
        {
            var names = new System.Collections.Generic.List<string> { Token, Tokens };
            foreach (var info in RequirementKinds.All)
            {
                names.Add(Attribute(info));
            }

            names.AddRange(new[] { Conventions, Requirements, ResolvedRequirements, ChecksFile, ApiScopeAttributes, ScopeCatalogFiles, RootNamespace, ScopesFile });
            return names.ToArray();
        }
    }
}
