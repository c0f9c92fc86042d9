using System.Collections.Concurrent;

namespace Auth0.Generated.Analyzers
{
    /// <summary>
    /// A0G401: <c>[RequireDPoP]</c> / <c>.RequireDPoP()</c> in a project whose code disables DPoP
    /// (<c>options.DPoP.Mode = DPoPMode.Disabled</c>): such an endpoint refuses every request. Only an assignment in code is
    /// knowable at compile time; a mode set in configuration is checked at run time (the endpoint answers 401).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DPoPAnalyzer : Auth0Analyzer
    {
        private const string OptionsMetadataName = "Auth0.Generated.DPoP.DPoPOptions";
        private const string ModeMetadataName = "Auth0.Generated.DPoP.DPoPMode";
        private const string DefaultsMetadataName = "Auth0.Generated.Auth0ApiDefaults";
        private const string AddAuth0Api = "AddAuth0Api";

        public DPoPAnalyzer()
            : base(Descriptors.RequireDPoPWithDPoPDisabled)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext start, KnownTypes known)
        {
            var attribute = known.RequirementAttributes[(int)RequirementKind.DPoP];
            var options = start.Compilation.GetTypeByMetadataName(OptionsMetadataName);
            var mode = start.Compilation.GetTypeByMetadataName(ModeMetadataName);
            if (attribute is null || options is null || mode is null)
            {
                return; // a runtime without DPoP
            }

            var disabled = GetDisabledValue(mode);
            var defaultScheme = GetDefaultScheme(start.Compilation);
            var requirements = new ConcurrentBag<(Location Location, string Display)>();
            var disabledInCode = 0;

            start.RegisterOperationAction(
                c =>
                {
                    var assignment = (ISimpleAssignmentOperation)c.Operation;
                    if (assignment.Target is IPropertyReferenceOperation { Property: { Name: "Mode" } property }
                        && SymbolEqualityComparer.Default.Equals(property.ContainingType, options)
                        && assignment.Value.ConstantValue is { HasValue: true, Value: { } value }
                        && Equals(value, disabled)
                        && !ConfiguresFurtherScheme(assignment, defaultScheme))
                    {
                        System.Threading.Interlocked.Exchange(ref disabledInCode, 1);
                    }
                },
                OperationKind.SimpleAssignment);

            RegisterAttributeHolderAction(start, (symbol, _, _) => Collect(symbol, attribute, requirements));
            start.RegisterOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
                    if (method.IsExtensionMethod
                        && method.Name == RequirementKinds.Get(RequirementKind.DPoP).ConventionName
                        && method.ContainingNamespace?.ToDisplayString() == WellKnownNames.RuntimeNamespace)
                    {
                        requirements.Add((SyntaxHelpers.NameLocation(invocation.Syntax), "." + method.Name + "()"));
                    }
                },
                OperationKind.Invocation);

            start.RegisterCompilationEndAction(end =>
            {
                if (System.Threading.Volatile.Read(ref disabledInCode) == 0)
                {
                    return;
                }

                foreach (var (location, display) in requirements)
                {
                    end.ReportDiagnostic(Diagnostic.Create(Descriptors.RequireDPoPWithDPoPDisabled, location, display));
                }
            });
        }

        private static void Collect(ISymbol symbol, INamedTypeSymbol attribute, ConcurrentBag<(Location, string)> requirements)
        {
            foreach (var data in symbol.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute)
                    && data.ApplicationSyntaxReference is { } reference)
                {
                    requirements.Add((Location.Create(reference.SyntaxTree, reference.Span), "[RequireDPoP]"));
                }
            }
        }

        /// <summary>
        /// Whether <paramref name="assignment"/> is in the options of a further scheme
        /// (<c>AddAuth0Api("Legacy", o =&gt; o.DPoP.Mode = DPoPMode.Disabled)</c>): that mode is the further scheme's, and
        /// <c>[RequireDPoP]</c> endpoints keep the <c>Auth0</c> scheme's. A scheme name that is not a constant counts as
        /// further (not knowable: no report).
        /// </summary>
        private static bool ConfiguresFurtherScheme(IOperation assignment, string defaultScheme)
        {
            for (var current = assignment.Parent; current is not null; current = current.Parent)
            {
                if (current is IInvocationOperation { TargetMethod.Name: AddAuth0Api } invocation)
                {
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Parameter?.Type.SpecialType == SpecialType.System_String)
                        {
                            return !(argument.Value.ConstantValue is { HasValue: true, Value: string scheme } && scheme == defaultScheme);
                        }
                    }

                    return false;
                }
            }

            return false;
        }

        /// <summary>The runtime's default scheme name (<c>Auth0ApiDefaults.AuthenticationScheme</c>), read from the referenced runtime.</summary>
        private static string GetDefaultScheme(Compilation compilation)
        {
            if (compilation.GetTypeByMetadataName(DefaultsMetadataName) is { } defaults)
            {
                foreach (var member in defaults.GetMembers("AuthenticationScheme"))
                {
                    if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: string name })
                    {
                        return name;
                    }
                }
            }

            return "Auth0";
        }

        private static object? GetDisabledValue(INamedTypeSymbol mode)
        {
            foreach (var member in mode.GetMembers("Disabled"))
            {
                if (member is IFieldSymbol { HasConstantValue: true } field)
                {
                    return field.ConstantValue;
                }
            }

            return null;
        }
    }
}
