namespace Auth0.Generated.Analyzers
{
    /// <summary>One pass over a body: every read of each local and parameter, and every value written to it.</summary>
    internal sealed class BlockIndex
    {
        private readonly Dictionary<ISymbol, List<IOperation>> _references = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<ISymbol, List<IOperation>> _writes = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);
        private readonly IMethodSymbol? _owner;

        public BlockIndex(ISymbol owner) => _owner = owner as IMethodSymbol;

        /// <summary>Records a local or parameter operation met while walking the body (other operations are ignored).</summary>
        public void Add(IOperation operation)
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    Get(_writes, declarator.Symbol).Add(initializer.Value);
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                    Get(_writes, target.Local).Add(assignment.Value);
                    break;
                case ISimpleAssignmentOperation { Target: IParameterReferenceOperation target } assignment:
                    Get(_writes, target.Parameter).Add(assignment.Value);
                    break;
                case ILocalReferenceOperation local when !IsAssignmentTarget(local):
                    Get(_references, local.Local).Add(local);
                    break;
                case IParameterReferenceOperation parameter when !IsAssignmentTarget(parameter):
                    Get(_references, parameter.Parameter).Add(parameter);
                    break;
            }
        }

        public IReadOnlyList<IOperation> ReferencesTo(ISymbol symbol)
            => _references.TryGetValue(symbol, out var references) ? references : (IReadOnlyList<IOperation>)Array.Empty<IOperation>();

        public int WriteCount(ISymbol symbol) => _writes.TryGetValue(symbol, out var writes) ? writes.Count : 0;

        public IOperation? SingleWrite(ISymbol symbol) => _writes.TryGetValue(symbol, out var writes) && writes.Count == 1 ? writes[0] : null;

        /// <summary>The method or local function a return belongs to; null inside a lambda.</summary>
        public IMethodSymbol? FunctionOf(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IAnonymousFunctionOperation:
                        return null;
                    case ILocalFunctionOperation local:
                        return local.Symbol;
                }
            }

            return _owner;
        }

        private static bool IsAssignmentTarget(IOperation reference)
            => reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference;

        private static List<IOperation> Get(Dictionary<ISymbol, List<IOperation>> map, ISymbol symbol)
        {
            if (!map.TryGetValue(symbol, out var list))
            {
                list = new List<IOperation>();
                map[symbol] = list;
            }

            return list;
        }
    }
}
