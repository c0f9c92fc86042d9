namespace Auth0.Generated.Generator.Emit
{
    /// <summary>Writes the generated part of a <c>[Auth0Token]</c> class.</summary>
    internal static class TokenEmitter
    {
        public static string HintName(TokenSpec token)
            => (token.Namespace.Length == 0 ? token.Name : token.Namespace + "." + token.Name) + ".Auth0Token.g.cs";

        public static string Emit(TokenSpec token)
        {
            using var w = new SourceWriter();
            var self = token.FullyQualifiedName;
            if (token.Namespace.Length != 0)
            {
                w.Open($"namespace {token.Namespace}");
            }

            w.Line(SourceWriter.GeneratedCodeAttribute);
            w.Open($"partial class {token.Name} : global::Auth0.Generated.AccessToken, global::Auth0.Generated.IAccessTokenFactory<{self}>");
            w.WriteBlock($$"""
                /// <summary>Wraps the same validated token as <paramref name="source"/>.</summary>
                public {{token.Name}}(global::Auth0.Generated.AccessToken source)
                    : base(source)
                {
                }

                /// <summary>The typed view of a validated token (the token itself when it already is one).</summary>
                public static {{self}} Create(global::Auth0.Generated.AccessToken source)
                    => source as {{self}} ?? new {{self}}(source);

                /// <summary>
                /// Binds a minimal API handler parameter of this type to the request's validated access token
                /// (null when the request has none, which answers 400 for a required parameter).
                /// </summary>
                public static global::System.Threading.Tasks.ValueTask<{{self}}?> BindAsync(global::Microsoft.AspNetCore.Http.HttpContext context)
                {
                    var token = Auth0RequestToken.Get(context);
                    return new(token is null ? null : Create(token));
                }
                """);
            if (token.IsBindableFromHttpContext)
            {
                w.WriteBlock($$"""

                    /// <summary>
                    /// <c>IBindableFromHttpContext</c>, declared on your part of the class so the Request Delegate Generator
                    /// (Native AOT), which cannot see generated code, binds handler parameters of this type.
                    /// </summary>
                    public static global::System.Threading.Tasks.ValueTask<{{self}}?> BindAsync(global::Microsoft.AspNetCore.Http.HttpContext context, global::System.Reflection.ParameterInfo parameter)
                        => BindAsync(context);
                    """);
            }

            foreach (var property in token.Properties)
            {
                w.Line();
                EmitProperty(w, property);
            }

            w.Close();
            w.WriteBlock($$"""

                {{SourceWriter.GeneratedCodeAttribute}}
                file static class Auth0TokenRegistration
                {
                #pragma warning disable CA2255 // a module initializer is how generated code registers with the runtime
                    [global::System.Runtime.CompilerServices.ModuleInitializer]
                    internal static void Register()
                        => global::Auth0.Generated.Authorization.GeneratedRegistrations.RegisterTokenFactory(static token => {{self}}.Create(token));
                #pragma warning restore CA2255
                }

                /// <summary>Where the request's validated token is found.</summary>
                {{SourceWriter.GeneratedCodeAttribute}}
                file static class Auth0RequestToken
                {
                    // The runtime's authentication handler stores the validated token as a request feature.
                    public static global::Auth0.Generated.AccessToken? Get(global::Microsoft.AspNetCore.Http.HttpContext context)
                        => context.Features.Get<global::Auth0.Generated.AccessToken>();
                }
                """);
            if (token.Namespace.Length != 0)
            {
                w.Close();
            }

            return w.ToString();
        }

        private static void EmitProperty(SourceWriter w, ClaimPropertySpec p)
        {
            var field = "__claim_" + p.Name.TrimStart('@');
            var read = "__claimRead_" + p.Name.TrimStart('@');
            var claim = SymbolDisplay.FormatLiteral(p.ClaimName, quote: true);
            var absent = p.IsNullable ? "null" : "default";
            var value = p.Kind switch
            {
                ClaimKind.String => $"TryGetString({claim}, out var value) ? value : {(p.IsNullable ? "null" : "string.Empty")}",
                ClaimKind.Boolean => $"TryGetBoolean({claim}, out var value) ? value : {absent}",
                ClaimKind.Int32 => $"TryGetInt64({claim}, out var value) && value >= int.MinValue && value <= int.MaxValue ? (int)value : {absent}",
                ClaimKind.Int64 => $"TryGetInt64({claim}, out var value) ? value : {absent}",
                ClaimKind.Double => $"TryGetDouble({claim}, out var value) ? value : {absent}",
                ClaimKind.NumericDate => $"TryGetNumericDate({claim}, out var value) ? value : {absent}",
                ClaimKind.StringList when p.IsArray => $"TryGetStringList({claim}, out var value) ? value as string[] ?? global::System.Linq.Enumerable.ToArray(value) : {(p.IsNullable ? "null" : "global::System.Array.Empty<string>()")}",
                ClaimKind.StringList => $"TryGetStringList({claim}, out var value) ? value : {(p.IsNullable ? "null" : "global::System.Array.Empty<string>()")}",
                ClaimKind.StringEnum => $"TryGetString({claim}, out var value) && __Parse_{p.Name.TrimStart('@')}(value, out var parsed) ? parsed : {absent}",
                _ => null,
            };
            if (value is null)
            {
                EmitUnsupported(w, p);
                return;
            }

            // Reference-typed fields start null until read, whatever the property's annotation.
            var isReference = p.Kind is ClaimKind.String or ClaimKind.StringList;
            var fieldType = isReference && !p.IsNullable ? p.TypeName + "?" : p.TypeName;
            var returned = isReference && !p.IsNullable ? field + "!" : field;
            if (p.Kind == ClaimKind.StringList && p.IsArray)
            {
                // One token object serves every request with the same token: an array is the one mutable value, so each read gets a copy.
                returned = p.IsNullable ? $"(string[]?){field}?.Clone()" : $"(string[]){field}!.Clone()";
            }

            w.WriteBlock($$"""
                private {{fieldType}} {{field}};
                private bool {{read}};

                /// <summary>The <c>{{Xml(p.ClaimName)}}</c> claim (read once, then cached).</summary>
                {{p.Modifiers}} partial {{p.TypeName}} {{p.Name}}
                {
                    get
                    {
                        if (!global::System.Threading.Volatile.Read(ref {{read}}))
                        {
                            {{field}} = {{value}};
                            global::System.Threading.Volatile.Write(ref {{read}}, true);
                        }

                        return {{returned}};
                    }
                }
                """);

            if (p.Kind == ClaimKind.StringEnum)
            {
                w.Line();
                w.Open($"private static bool __Parse_{p.Name.TrimStart('@')}(string json, out {p.ValueTypeName} value)");
                w.Open("switch (json)");
                foreach (var member in p.EnumValues)
                {
                    w.Line($"case {SymbolDisplay.FormatLiteral(member.Json, quote: true)}:");
                    w.Indent++;
                    w.Line($"value = {p.ValueTypeName}.{member.Member};");
                    w.Line("return true;");
                    w.Indent--;
                }

                w.Line("default:");
                w.Indent++;
                w.Line("value = default;");
                w.Line("return false;");
                w.Indent--;
                w.Close();
                w.Close();
            }
        }

        /// <summary>
        /// A property the generator cannot read (an unsupported type, which the analyzers report as A0G307, or an empty
        /// [Claim] name): an implementation that compiles, so
        /// the build reports the analyzers' diagnostics instead of stopping at CS9248, and that fails if it is ever read.
        /// </summary>
        private static void EmitUnsupported(SourceWriter w, ClaimPropertySpec p)
        {
            var message = SymbolDisplay.FormatLiteral(
                $"Claim property '{p.Name.TrimStart('@')}' cannot be read: its type is not a supported claim type (diagnostic A0G307) or its [Claim] name is empty.",
                quote: true);
            w.WriteBlock($$"""
                /// <summary>Not implemented: the generator cannot read this claim (A0G307).</summary>
                {{p.Modifiers}} partial {{p.TypeName}} {{p.Name}} => throw new global::System.NotSupportedException({{message}});
                """);
        }

        /// <summary>Escapes text for an XML doc comment.</summary>
        internal static string Xml(string text)
            => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\r", " ").Replace("\n", " ");
    }
}
