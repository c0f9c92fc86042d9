using Auth0.Generated.Generator.Parsing;

namespace Auth0.Generated.Generator.Emit
{
    /// <summary>Writes <c>Scopes</c>: one constant per scope of the catalog.</summary>
    internal static class ScopesEmitter
    {
        public const string HintName = "Auth0.Generated.Scopes.g.cs";

        public static string Emit(ScopesSpec spec)
        {
            using var w = new SourceWriter();
            if (spec.Namespace.Length != 0)
            {
                w.Open($"namespace {spec.Namespace}");
            }

            var names = ScopeCatalogParser.Identifiers(spec.Scopes);
            w.Line("/// <summary>The API's scopes, from its scope catalog (<c>[assembly: ApiScope]</c> and <c>auth0-scopes.json</c>).</summary>");
            w.Line(SourceWriter.GeneratedCodeAttribute);
            w.Open("public static partial class Scopes");
            for (var i = 0; i < spec.Scopes.Count; i++)
            {
                var scope = spec.Scopes[i];
                if (i > 0)
                {
                    w.Line();
                }

                var summary = string.IsNullOrWhiteSpace(scope.Description)
                    ? $"The <c>{TokenEmitter.Xml(scope.Value)}</c> scope."
                    : $"{TokenEmitter.Xml(scope.Description!)} (<c>{TokenEmitter.Xml(scope.Value)}</c>)";
                w.Line($"/// <summary>{summary}</summary>");
                w.Line($"public const string {names[i]} = {SymbolDisplay.FormatLiteral(scope.Value, quote: true)};");
            }

            w.Close();
            if (spec.Namespace.Length != 0)
            {
                w.Close();
            }

            return w.ToString();
        }
    }
}
