namespace Auth0.Generated.Analyzers
{
    /// <summary>
    /// What one method body tells about an endpoint's (or a builder's) protection: decided (protected or public on
    /// purpose), unknown (with the reason), or open: it depends on the method's callers, through the builder parameter it
    /// was mapped on (<see cref="OpenParameter"/>) or the conventions callers chain onto the returned builder
    /// (<see cref="OpenReturn"/>), or on what the project stores in the field or property it was read from
    /// (<see cref="OpenMember"/>).
    /// </summary>
    internal sealed class ProtectionState
    {
        public bool Protected { get; set; }

        public bool AllowAnonymous { get; set; }

        public bool HandlerHasRequirement { get; set; }

        public string? UnknownReason { get; private set; }

        public bool Unknown => UnknownReason is not null;

        public IInvocationOperation? AllowAnonymousCall { get; set; }

        public List<IInvocationOperation>? RequirementCalls { get; set; }

        /// <summary>The builder came in as this parameter: each call site's argument decides.</summary>
        public IParameterSymbol? OpenParameter { get; private set; }

        /// <summary>The builder (or an enclosing group) is returned by this method: conventions each caller chains onto the result count.</summary>
        public IMethodSymbol? OpenReturn { get; private set; }

        /// <summary>The builder was read from this field or property: every builder the project stores in it decides.</summary>
        public ISymbol? OpenMember { get; private set; }

        public bool Decided => Protected || AllowAnonymous;

        public bool Open => OpenParameter is not null || OpenReturn is not null || OpenMember is not null;

        /// <summary>The method whose call sites decide an open state.</summary>
        public IMethodSymbol? OpenMethod => OpenReturn ?? OpenParameter?.ContainingSymbol as IMethodSymbol;

        public void MarkUnknown(string reason) => UnknownReason ??= reason;

        /// <summary>Drops the operations kept for A0G002, so a state kept until compilation end does not hold a body's operation tree.</summary>
        public void ForgetOperations()
        {
            AllowAnonymousCall = null;
            RequirementCalls = null;
        }

        public void OpenOnParameter(IParameterSymbol parameter)
        {
            if (OpenMember is not null)
            {
                MarkUnknown(UnknownReasons.FieldOrProperty);
                return;
            }

            if (OpenReturn is not null && !KnownTypes.Eq(OpenReturn, parameter.ContainingSymbol))
            {
                MarkUnknown(UnknownReasons.NestedFunctions);
                return;
            }

            OpenParameter = parameter;
        }

        public void OpenOnReturn(IMethodSymbol method)
        {
            if (OpenMember is not null)
            {
                MarkUnknown(UnknownReasons.FieldOrProperty);
                return;
            }

            if ((OpenReturn is not null && !KnownTypes.Eq(OpenReturn, method))
                || (OpenParameter is not null && !KnownTypes.Eq(OpenParameter.ContainingSymbol, method)))
            {
                MarkUnknown(UnknownReasons.NestedFunctions);
                return;
            }

            OpenReturn = method;
        }

        /// <summary>The builder was read from <paramref name="member"/> (one open dependency at a time: with another, unknown).</summary>
        public void OpenOnMember(ISymbol member)
        {
            if (Open)
            {
                MarkUnknown(UnknownReasons.FieldOrProperty);
                return;
            }

            OpenMember = member;
        }
    }

    /// <summary>Why protection could not be established (the text of A0G003's second argument).</summary>
    internal static class UnknownReasons
    {
        public const string ForeignHandler = "its handler is a delegate from elsewhere, whose attributes are not visible";
        public const string FieldOrProperty = "its builder is read from a field, a property or another expression the analysis does not follow";
        public const string MemberUsedOtherwise = "its builder is read from a field or property that is also used other than to map endpoints on it";
        public const string MemberNeverStored = "its builder is read from a field or property this project never stores a builder in (it may be set from another assembly)";
        public const string Reassigned = "its builder is held in a variable assigned more than once";
        public const string Escapes = "its builder is passed to or stored by code the analysis does not follow";
        public const string RawConvention = "a raw Add/Finally convention or WithMetadata(...) of a type the analysis cannot see may add authorization";
        public const string OpaqueUserMethod = "a method of yours called on its builder is compiled elsewhere or does more than the analysis follows";
        public const string LambdaParameter = "its builder is a lambda parameter";
        public const string PrimaryConstructorParameter = "its builder is a primary constructor parameter, which every member of the type may use";
        public const string NestedFunctions = "its builder crosses local functions or lambdas";
        public const string TooDeep = "its builder is nested deeper than the analysis follows";
        public const string NoCallSite = "the method that maps it is not called in this project, directly or through an interface or base method it implements (it may be called from another assembly)";
        public const string UsedAsDelegate = "the method that maps it is used as a delegate";
        public const string Recursive = "the method that maps it is called recursively";
    }
}
