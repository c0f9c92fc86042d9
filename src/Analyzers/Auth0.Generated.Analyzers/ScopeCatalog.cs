using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace Auth0.Generated.Analyzers
{
    /// <summary>The API's scope catalog: [assembly: ApiScope] attributes plus *auth0-scopes.json additional files.</summary>
    internal sealed class ScopeCatalog
    {
        private ScopeCatalog(
            bool exists,
            ImmutableArray<KeyValuePair<string, Location>> entries,
            ImmutableArray<Diagnostic> fileErrors)
        {
            Exists = exists;
            Entries = entries;
            FileErrors = fileErrors;
            var set = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                set.Add(entry.Key);
            }

            Values = set;
        }

        /// <summary>Whether the project declares a catalog at all; without one only scope syntax is checked.</summary>
        public bool Exists { get; }

        /// <summary>Every declared scope with the place it is declared (attribute, or the line in the catalog file).</summary>
        public ImmutableArray<KeyValuePair<string, Location>> Entries { get; }

        public HashSet<string> Values { get; }

        /// <summary>A0G105 for catalog files that cannot be read (reported at compilation end).</summary>
        public ImmutableArray<Diagnostic> FileErrors { get; }

        public static ScopeCatalog Read(Compilation compilation, ImmutableArray<AdditionalText> additionalFiles, KnownTypes known, CancellationToken cancellationToken)
        {
            var entries = ImmutableArray.CreateBuilder<KeyValuePair<string, Location>>();
            var errors = ImmutableArray.CreateBuilder<Diagnostic>();
            var exists = false;
            foreach (var attribute in compilation.Assembly.GetAttributes())
            {
                if (KnownTypes.Eq(attribute.AttributeClass, known.ApiScope)
                    && attribute.ConstructorArguments.Length == 1
                    && attribute.ConstructorArguments[0].Value is string value)
                {
                    exists = true;
                    var location = attribute.ApplicationSyntaxReference is { } reference
                        ? Location.Create(reference.SyntaxTree, reference.Span)
                        : Location.None;
                    entries.Add(new KeyValuePair<string, Location>(value, location));
                }
            }

            foreach (var file in additionalFiles)
            {
                if (!ScopeCatalogFile.IsCatalogPath(file.Path))
                {
                    continue;
                }

                var text = file.GetText(cancellationToken);
                if (text is null)
                {
                    continue;
                }

                if (!ScopeCatalogFile.TryParse(text.ToString(), out var scopes, out var error, out var errorLine))
                {
                    errors.Add(Diagnostic.Create(Descriptors.InvalidScopeCatalog, LineLocation(file.Path, text, errorLine), file.Path, error));
                    continue;
                }

                exists = true;
                foreach (var scope in scopes)
                {
                    entries.Add(new KeyValuePair<string, Location>(scope.Value, LineLocation(file.Path, text, scope.Line)));
                }
            }

            return new ScopeCatalog(exists, entries.ToImmutable(), errors.ToImmutable());
        }

        private static Location LineLocation(string path, SourceText text, int oneBasedLine)
        {
            var index = System.Math.Max(0, System.Math.Min(text.Lines.Count - 1, oneBasedLine - 1));
            if (text.Lines.Count == 0)
            {
                return Location.Create(path, default, default);
            }

            var line = text.Lines[index];
            return Location.Create(path, line.Span, text.Lines.GetLinePositionSpan(line.Span));
        }
    }
}
