using Microsoft.CodeAnalysis.Diagnostics;

namespace Auth0.Generated.Generator.Parsing
{
    /// <summary>Reads the scope catalog: <c>[assembly: ApiScope]</c> attributes and <c>auth0-scopes.json</c> additional files.</summary>
    internal static class ScopeCatalogParser
    {
        /// <summary>One <c>[assembly: ApiScope("value", Description = "...")]</c>, or null without a value.</summary>
        public static ScopeSpec? FromAttribute(AttributeData attribute)
        {
            if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string { Length: > 0 } value)
            {
                return null;
            }

            string? description = null;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Description")
                {
                    description = named.Value.Value as string;
                }
            }

            return new ScopeSpec(value, description);
        }

        /// <summary>The scopes of one catalog file; a file that does not parse contributes none (the analyzers report it).</summary>
        public static EquatableArray<ScopeSpec> FromFile(AdditionalText file, CancellationToken cancellationToken)
        {
            var text = file.GetText(cancellationToken)?.ToString();
            if (text is null || !ScopeCatalogFile.TryParse(text, out var parsed, out _, out _))
            {
                return EquatableArray<ScopeSpec>.Empty;
            }

            var scopes = new List<ScopeSpec>(parsed.Length);
            foreach (var scope in parsed)
            {
                if (scope.Value.Length > 0)
                {
                    scopes.Add(new ScopeSpec(scope.Value, scope.Description));
                }
            }

            return new EquatableArray<ScopeSpec>(scopes);
        }

        /// <summary>The <c>RootNamespace</c> build property when it is a valid namespace, otherwise empty (global).</summary>
        public static string RootNamespace(AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
        {
            if (!options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var value) || string.IsNullOrWhiteSpace(value))
            {
                return string.Empty;
            }

            foreach (var part in value.Trim().Split('.'))
            {
                if (!Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(part)
                    || Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(part) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None)
                {
                    return string.Empty;
                }
            }

            return value.Trim();
        }

        /// <summary>Merges attribute and file scopes: one entry per value (attributes first, then files), ordered ordinally.</summary>
        public static ScopesSpec Merge(string ns, IEnumerable<EquatableArray<ScopeSpec>> attributes, IEnumerable<EquatableArray<ScopeSpec>> files)
        {
            var byValue = new SortedDictionary<string, ScopeSpec>(StringComparer.Ordinal);
            foreach (var group in Concat(attributes, files))
            {
                foreach (var scope in group)
                {
                    if (!byValue.TryGetValue(scope.Value, out var existing))
                    {
                        byValue.Add(scope.Value, scope);
                    }
                    else if (existing.Description is null && scope.Description is not null)
                    {
                        byValue[scope.Value] = scope;
                    }
                }
            }

            return new ScopesSpec(ns, new EquatableArray<ScopeSpec>(byValue.Values));
        }

        private static IEnumerable<T> Concat<T>(IEnumerable<T> first, IEnumerable<T> second)
        {
            foreach (var item in first)
            {
                yield return item;
            }

            foreach (var item in second)
            {
                yield return item;
            }
        }

        /// <summary>
        /// The constant name of a scope: its letters and digits in PascalCase, every other character a word break
        /// (<c>read:messages</c> → <c>ReadMessages</c>); <c>_</c> before a leading digit; <c>Scope</c> when nothing is left.
        /// </summary>
        public static string IdentifierFor(string scope)
        {
            var builder = new System.Text.StringBuilder(scope.Length);
            var upper = true;
            foreach (var c in scope)
            {
                if (char.IsLetterOrDigit(c))
                {
                    builder.Append(upper ? char.ToUpperInvariant(c) : c);
                    upper = false;
                }
                else
                {
                    upper = true;
                }
            }

            if (builder.Length == 0)
            {
                return "Scope";
            }

            if (char.IsDigit(builder[0]))
            {
                builder.Insert(0, '_');
            }

            return builder.ToString();
        }

        /// <summary>
        /// Constant names for scopes in ordinal order: a name already taken (or <c>Scopes</c>, the class's own name) gets
        /// the first free suffix <c>_2</c>, <c>_3</c>, ... so the result depends only on the set of scopes.
        /// </summary>
        public static IReadOnlyList<string> Identifiers(EquatableArray<ScopeSpec> scopes)
        {
            var taken = new HashSet<string>(StringComparer.Ordinal) { "Scopes" };
            var names = new List<string>(scopes.Count);
            foreach (var scope in scopes)
            {
                var baseName = IdentifierFor(scope.Value);
                var name = baseName;
                for (var i = 2; !taken.Add(name); i++)
                {
                    name = baseName + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                names.Add(name);
            }

            return names;
        }
    }
}
