namespace Auth0.Generated.Generator.Model
{
    /// <summary>
    /// What one node of the syntax scan declares: an attribute list (a token, requirements, catalog scopes) or a
    /// convention call (one requirement).
    /// </summary>
    internal sealed record DeclarationSpec(TokenSpec? Token, EquatableArray<RequirementSpec> Requirements, EquatableArray<ScopeSpec> Scopes);

    /// <summary>A partial <c>[Auth0Token]</c> class: where it lives and the claim properties to implement.</summary>
    /// <param name="IsBindableFromHttpContext">
    /// The user's declaration lists <c>IBindableFromHttpContext&lt;Self&gt;</c>, which the Request Delegate Generator
    /// (which cannot see generated code) reads to bind handler parameters of the type; the generated part implements it.
    /// </param>
    internal sealed record TokenSpec(
        string Namespace,
        string Name,
        string FullyQualifiedName,
        EquatableArray<ClaimPropertySpec> Properties,
        bool IsBindableFromHttpContext);

    /// <summary>One partial claim property of a token type.</summary>
    /// <param name="Name">The property name (escaped with <c>@</c> when it is a keyword).</param>
    /// <param name="Modifiers">The declaration's modifiers other than <c>partial</c>, as written (for example <c>public</c>).</param>
    /// <param name="TypeName">The declared type, fully qualified, with its nullable annotation.</param>
    /// <param name="ValueTypeName">The type without nullability (the enum type for enums).</param>
    /// <param name="IsArray">For lists: the property is a <c>string[]</c> rather than an <c>IReadOnlyList&lt;string&gt;</c>.</param>
    internal sealed record ClaimPropertySpec(
        string Name,
        string Modifiers,
        string TypeName,
        string ValueTypeName,
        string ClaimName,
        ClaimKind Kind,
        bool IsNullable,
        bool IsArray,
        EquatableArray<EnumValueSpec> EnumValues);

    /// <summary>An enum member and the JSON string it reads from.</summary>
    internal readonly record struct EnumValueSpec(string Member, string Json);

    /// <summary>
    /// One requirement, keyed by the same text the runtime computes (src/Shared/RequirementKeyFormat.cs).
    /// Two declarations with the same key share one generated check.
    /// </summary>
    /// <param name="Values">Scopes, roles, or the values of <c>[ClaimIncludes]</c>.</param>
    /// <param name="Value">For <c>[ClaimEquals]</c>: the value to compare.</param>
    /// <param name="Check">For <c>[ClaimCheck]</c>: the method to call.</param>
    /// <param name="ScopeArguments">
    /// For a scope requirement naming generated <c>Scopes</c> constants (which do not exist while the generator runs):
    /// its arguments as written, resolved against the scope catalog in a later step. Empty for every other requirement.
    /// </param>
    internal sealed record RequirementSpec(
        string Key,
        RequirementKind Kind,
        string? Claim,
        EquatableArray<string> Values,
        EqualsValueSpec? Value,
        ClaimCheckSpec? Check,
        EquatableArray<ScopeArgument> ScopeArguments = default)
    {
        /// <summary>The requirement still names <c>Scopes</c> constants and has no real key yet.</summary>
        public bool IsUnresolved => !ScopeArguments.IsEmpty;
    }

    /// <summary>One argument of a scope requirement: a literal scope, or the name of a generated <c>Scopes</c> constant.</summary>
    /// <param name="Value">The scope, or the constant's name (<c>ReadMessages</c>).</param>
    /// <param name="Qualifier">
    /// For a constant: what stood before <c>Scopes</c> (empty, <c>Ns</c> or <c>global::Ns</c>); null for a literal.
    /// </param>
    internal readonly record struct ScopeArgument(string Value, string? Qualifier)
    {
        public bool IsConstant => Qualifier is not null;
    }

    /// <summary>A <c>[ClaimEquals]</c> value: its kind, a C# literal for it, and facts the emitter needs.</summary>
    /// <param name="IsDefault">The value equals <c>default</c> of its type (<c>""</c>, <c>false</c>, <c>0</c>).</param>
    /// <param name="FitsInt32">For integers: the value fits in an <see cref="int"/>.</param>
    /// <param name="IsNaN">For numbers: the value is NaN (compared with <c>Equals</c>, never through a typed property).</param>
    internal sealed record EqualsValueSpec(ClaimValueKind Kind, string Literal, bool IsDefault, bool FitsInt32, bool IsNaN);

    /// <summary>A <c>[ClaimCheck]</c> target: a static method taking a token (and the <c>HttpContext</c>).</summary>
    /// <param name="TokenTypeName">The type of the method's first parameter, fully qualified.</param>
    /// <param name="TokenIsBase">The first parameter is <c>AccessToken</c> itself.</param>
    /// <param name="MessageLiteral">The failure description as a C# expression.</param>
    internal sealed record ClaimCheckSpec(
        string TypeName,
        string Method,
        string TokenTypeName,
        bool TokenIsBase,
        bool WithContext,
        bool IsAsync,
        string MessageLiteral);

    /// <summary>One scope of the catalog, from an <c>[assembly: ApiScope]</c> or a catalog file.</summary>
    internal readonly record struct ScopeSpec(string Value, string? Description);

    /// <summary>The scope catalog: the namespace to emit into and every scope, ordered.</summary>
    internal sealed record ScopesSpec(string Namespace, EquatableArray<ScopeSpec> Scopes);
}
