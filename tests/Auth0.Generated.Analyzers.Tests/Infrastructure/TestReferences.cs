using Auth0.Generated.Tests.Shared;

namespace Auth0.Generated.Analyzers.Tests.Infrastructure;

/// <summary>The references every analyzer test compiles against: the shared set of tests/Shared/ReferencePacks.cs.</summary>
internal static class TestReferences
{
    /// <summary>A reference-assembly set with no packages: nothing is downloaded; the references come from <see cref="All"/>.</summary>
    public static ReferenceAssemblies Empty { get; } = new("net10.0");

    public static ImmutableArray<MetadataReference> All => ReferencePacks.All;
}
