using System.Linq;

namespace Auth0.Generated.Analyzers
{
    /// <summary>
    /// A0G001 on controller actions: the classes MVC discovers as controllers (its own rule) and the actions it routes on
    /// them, inherited ones included, checked for authorization attributes on the action, the class or a base class.
    /// </summary>
    internal static class ControllerDiscovery
    {
        public static void Analyze(SymbolAnalysisContext context, KnownTypes known, ProjectFacts facts)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (!IsController(type, known, facts))
            {
                return;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (HasAuthorizationAttribute(current, known))
                {
                    return;
                }
            }

            var overridden = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                if (IsFrameworkControllerBase(current, known) || current.DeclaringSyntaxReferences.IsEmpty)
                {
                    break; // ControllerBase and Controller declare no actions; base classes compiled elsewhere are not read
                }

                foreach (var member in current.GetMembers())
                {
                    if (member is not IMethodSymbol action || !IsAction(action, known) || !overridden.Add(action.OriginalDefinition))
                    {
                        continue;
                    }

                    for (var over = action.OverriddenMethod; over is not null; over = over.OverriddenMethod)
                    {
                        overridden.Add(over.OriginalDefinition);
                    }

                    if (IsProtected(action, known))
                    {
                        continue;
                    }

                    if (facts.ControllersProtected)
                    {
                        return;
                    }

                    var inherited = !KnownTypes.Eq(current, type);
                    var location = action.Locations.FirstOrDefault(l => l.IsInSource);
                    if (location is null)
                    {
                        continue;
                    }

                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.UnprotectedRoute,
                        location,
                        ImmutableDictionary<string, string?>.Empty.Add(Descriptors.EndpointKindProperty, EndpointKinds.ControllerAction),
                        type.Name + "." + action.Name + (inherited ? " (inherited from " + current.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + ")" : string.Empty)));
                }
            }
        }

        /// <summary>
        /// MVC's rule (ControllerFeatureProvider): a public, non-abstract, non-generic class, not [NonController], that derives
        /// from ControllerBase, carries [Controller] (inherited), or whose name ends in "Controller". The suffix alone counts
        /// only when the project uses MVC (AddControllers, AddMvc, MapControllers, ...), so a class merely named *Controller
        /// in an app without controllers is not reported.
        /// </summary>
        private static bool IsController(INamedTypeSymbol type, KnownTypes known, ProjectFacts facts)
        {
            if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic || type.IsGenericType || type.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }

            for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                if (outer.DeclaredAccessibility != Accessibility.Public)
                {
                    return false;
                }
            }

            var isController = false;
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (HasAttribute(current, known.NonControllerAttribute))
                {
                    return false;
                }

                isController |= KnownTypes.Eq(current, known.ControllerBase) || HasAttribute(current, known.ControllerAttribute);
            }

            return isController || (type.Name.EndsWith("Controller", StringComparison.Ordinal) && facts.UsesMvc);
        }

        private static bool IsFrameworkControllerBase(INamedTypeSymbol type, KnownTypes known)
            => KnownTypes.Eq(type, known.ControllerBase)
                || (type.Name == "Controller" && type.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Mvc");

        /// <summary>MVC's action rule: public, instance, non-generic ordinary methods, not [NonAction] (inherited by overrides), not object's, not Dispose().</summary>
        private static bool IsAction(IMethodSymbol method, KnownTypes known)
        {
            if (method is not { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public, IsStatic: false, IsGenericMethod: false, IsAbstract: false }
                || method.IsImplicitlyDeclared)
            {
                return false;
            }

            var root = method;
            for (var current = method; current is not null; current = current.OverriddenMethod)
            {
                if (HasAttribute(current, known.NonActionAttribute))
                {
                    return false;
                }

                root = current;
            }

            if (root.ContainingType?.SpecialType == SpecialType.System_Object)
            {
                return false;
            }

            return !(method.Name == "Dispose" && method.Parameters.IsEmpty
                && method.ContainingType!.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_IDisposable));
        }

        /// <summary>Authorization attributes on the action or a method it overrides (MVC reads them inherited).</summary>
        private static bool IsProtected(IMethodSymbol action, KnownTypes known)
        {
            for (var current = action; current is not null; current = current.OverriddenMethod)
            {
                if (HasAuthorizationAttribute(current, known))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasAuthorizationAttribute(ISymbol symbol, KnownTypes known)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (known.IsAllowAnonymous(attribute.AttributeClass) || known.IsAuthorizeData(attribute.AttributeClass))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attributeType)
        {
            if (attributeType is null)
            {
                return false;
            }

            foreach (var attribute in symbol.GetAttributes())
            {
                for (var current = attribute.AttributeClass; current is not null; current = current.BaseType)
                {
                    if (KnownTypes.Eq(current, attributeType))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
