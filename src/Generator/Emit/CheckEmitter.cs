using System.Globalization;
using System.Linq;

namespace Auth0.Generated.Generator.Emit
{
    /// <summary>
    /// Writes one <c>file sealed class</c> per distinct requirement, straight-line code over the token, and a module
    /// initializer that registers each under its requirement key.
    /// </summary>
    internal static class CheckEmitter
    {
        public const string HintName = "Auth0.Generated.Checks.g.cs";

        private const string Failure = "global::Auth0.Generated.Authorization.Auth0Failure";
        private const string Result = "global::System.Threading.Tasks.ValueTask<" + Failure + "?>";

        /// <param name="requirements">Distinct requirements, ordered by key.</param>
        /// <param name="token">The application's token type when there is exactly one (its typed properties are used).</param>
        public static string Emit(EquatableArray<RequirementSpec> requirements, TokenSpec? token)
        {
            using var w = new SourceWriter();
            w.Open("namespace Auth0.Generated.Generated");
            w.Line(SourceWriter.GeneratedCodeAttribute);
            w.Open("file static class Auth0CheckRegistrations");
            w.Line("#pragma warning disable CA2255 // a module initializer is how generated code registers with the runtime");
            w.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
            w.Line("#pragma warning restore CA2255");
            w.Open("internal static void Register()");
            for (var i = 0; i < requirements.Count; i++)
            {
                w.Line($"global::Auth0.Generated.Authorization.GeneratedRegistrations.RegisterCheck({Literal(requirements[i].Key)}, new {ClassName(i)}());");
            }

            w.Close();
            w.Close();
            for (var i = 0; i < requirements.Count; i++)
            {
                w.Line();
                EmitCheck(w, ClassName(i), requirements[i], token);
            }

            w.Close();
            return w.ToString();
        }

        private static string ClassName(int index) => "Auth0Check" + index.ToString(CultureInfo.InvariantCulture);

        private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

        private static void EmitCheck(SourceWriter w, string name, RequirementSpec spec, TokenSpec? token)
        {
            w.Line($"/// <summary>{TokenEmitter.Xml(spec.Key.Replace('\n', ' '))}</summary>");
            w.Line(SourceWriter.GeneratedCodeAttribute);
            w.Open($"file sealed class {name} : global::Auth0.Generated.Authorization.IAuth0Check");
            switch (spec.Kind)
            {
                case RequirementKind.AllScopes:
                case RequirementKind.AnyScope:
                    var scopes = string.Join(", ", spec.Values.Select(Literal));
                    w.Line($"private static readonly {Failure} Failure = {Failure}.InsufficientScope(new string[] {{ {scopes} }});");
                    w.Line();
                    EmitAnyAll(w, spec.Values.Select(v => $"token.HasScope({Literal(v)})"), all: spec.Kind == RequirementKind.AllScopes);
                    break;
                case RequirementKind.AnyRole:
                    w.Line($"private static readonly {Failure} Failure = {Failure}.Forbidden(\"Insufficient role\");");
                    w.Line();
                    EmitAnyAll(w, spec.Values.Select(v => $"token.HasRole({Literal(v)})"), all: false);
                    break;
                case RequirementKind.ClaimIncludes:
                    var claim = Literal(spec.Claim!);
                    EmitClaimCheck(w, claim, string.Join("\n    && ", spec.Values.Select(v => $"token.ContainsElement({claim}, {Literal(v)})")));
                    break;
                case RequirementKind.ClaimEquals:
                    EmitClaimCheck(w, Literal(spec.Claim!), EqualsCondition(spec.Claim!, spec.Value!, token));
                    break;
                case RequirementKind.ClaimCheck:
                    EmitCustom(w, spec.Check!);
                    break;
            }

            w.Close();
        }

        private static void EmitAnyAll(SourceWriter w, IEnumerable<string> tests, bool all)
        {
            var condition = string.Join(all ? "\n    && " : "\n    || ", tests);
            w.WriteBlock($$"""
                public {{Result}} CheckAsync(global::Auth0.Generated.AccessToken token, global::Microsoft.AspNetCore.Http.HttpContext httpContext)
                    => {{condition.Replace("\n", "\n    ")}}
                        ? default
                        : new(Failure);
                """);
        }

        private static void EmitClaimCheck(SourceWriter w, string claim, string condition)
        {
            w.WriteBlock($$"""
                private static readonly {{Failure}} Missing = {{Failure}}.MissingClaim({{claim}});
                private static readonly {{Failure}} Unexpected = {{Failure}}.UnexpectedClaimValue({{claim}});

                public {{Result}} CheckAsync(global::Auth0.Generated.AccessToken token, global::Microsoft.AspNetCore.Http.HttpContext httpContext)
                {
                    if (!token.HasClaim({{claim}}))
                    {
                        return new(Missing);
                    }

                    return {{condition.Replace("\n", "\n        ")}}
                        ? default
                        : new(Unexpected);
                }
                """);
        }

        /// <summary>
        /// The comparison for <c>[ClaimEquals]</c>: through the token's typed property when one reads the claim with the
        /// same JSON type and its "absent" value cannot be mistaken for the required one, otherwise the strict reader.
        /// </summary>
        private static string EqualsCondition(string claimName, EqualsValueSpec value, TokenSpec? token)
        {
            var claim = Literal(claimName);
            var strict = value.Kind switch
            {
                ClaimValueKind.String => $"token.TryGetString({claim}, out var value) && string.Equals(value, {value.Literal}, global::System.StringComparison.Ordinal)",
                ClaimValueKind.Boolean => $"token.TryGetBoolean({claim}, out var value) && value == {value.Literal}",
                ClaimValueKind.Integer => $"token.TryGetInt64({claim}, out var value) && value == {value.Literal}",
                _ => $"token.TryGetDouble({claim}, out var value) && value.Equals({value.Literal})",
            };

            if (token is null || TypedProperty(claimName, value, token) is not { } property)
            {
                return strict;
            }

            return $"(token is {token.FullyQualifiedName} typed\n    ? typed.{property.Name} == {value.Literal}\n    : {strict})";
        }

        private static ClaimPropertySpec? TypedProperty(string claimName, EqualsValueSpec value, TokenSpec token)
        {
            foreach (var property in token.Properties)
            {
                if (property.ClaimName != claimName)
                {
                    continue;
                }

                var kindMatches = value.Kind switch
                {
                    ClaimValueKind.String => property.Kind == ClaimKind.String,
                    ClaimValueKind.Boolean => property.Kind == ClaimKind.Boolean,
                    ClaimValueKind.Integer => property.Kind == ClaimKind.Int64 || (property.Kind == ClaimKind.Int32 && value.FitsInt32),
                    _ => property.Kind == ClaimKind.Double && !value.IsNaN,
                };

                // A non-nullable property reads an absent or mistyped claim as its default: only safe when the
                // required value is not that default.
                return kindMatches && (property.IsNullable || !value.IsDefault) ? property : null;
            }

            return null;
        }

        private static void EmitCustom(SourceWriter w, ClaimCheckSpec check)
        {
            w.Line($"private static readonly {Failure} Failure = {Failure}.InvalidToken({check.MessageLiteral});");
            w.Line();
            var argument = check.TokenIsBase
                ? "token"
                : $"token as {check.TokenTypeName}\n            ?? global::Auth0.Generated.Authorization.GeneratedRegistrations.CreateToken(token) as {check.TokenTypeName}\n            ?? throw new global::System.InvalidOperationException({Literal($"[ClaimCheck] method '{check.TypeName.Replace("global::", string.Empty)}.{check.Method}' takes '{check.TokenTypeName.Replace("global::", string.Empty)}', but the validated token is another type.")})";
            var call = $"{check.TypeName}.{check.Method}(argument{(check.WithContext ? ", httpContext" : string.Empty)})";
            if (!check.IsAsync)
            {
                w.WriteBlock($$"""
                    public {{Result}} CheckAsync(global::Auth0.Generated.AccessToken token, global::Microsoft.AspNetCore.Http.HttpContext httpContext)
                    {
                        var argument = {{argument}};
                        return {{call}} ? default : new(Failure);
                    }
                    """);
                return;
            }

            w.WriteBlock($$"""
                public {{Result}} CheckAsync(global::Auth0.Generated.AccessToken token, global::Microsoft.AspNetCore.Http.HttpContext httpContext)
                {
                    var argument = {{argument}};
                    var pending = {{call}};
                    if (pending.IsCompletedSuccessfully)
                    {
                        return pending.Result ? default : new(Failure);
                    }

                    return Awaited(pending);
                }

                private static async {{Result}} Awaited(global::System.Threading.Tasks.ValueTask<bool> pending)
                    => await pending.ConfigureAwait(false) ? null : Failure;
                """);
        }
    }
}
