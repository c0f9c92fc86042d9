// Linked into the test projects that compile source with Roslyn (generator and analyzer tests): one reference set.
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace Auth0.Generated.Tests.Shared;

/// <summary>
/// The references a test compilation gets, built once per test run from the running SDK's own reference packs
/// (packs/Microsoft.NETCore.App.Ref and packs/Microsoft.AspNetCore.App.Ref, the newest net10.0 version) plus the runtime's
/// Auth0.Generated.dll and its IdentityModel dependencies from the test's output folder. Nothing is downloaded
/// (ReferenceAssemblies.Net.Net100 would fetch packages the package source lacks).
/// </summary>
internal static class ReferencePacks
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyAll = new(Load);

    public static ImmutableArray<MetadataReference> All => LazyAll.Value;

    /// <summary>The dotnet root of the running runtime: &lt;root&gt;/shared/Microsoft.NETCore.App/&lt;version&gt;/ is three levels down.</summary>
    public static string DotnetRoot { get; } = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    /// <summary>ASP.NET Core's Request Delegate Generator (on under PublishAot), as the SDK ships it in the reference pack.</summary>
    public static string RequestDelegateGeneratorPath()
        => Directory.GetFiles(Path.Combine(NewestPack("Microsoft.AspNetCore.App.Ref"), "analyzers"), "Microsoft.AspNetCore.Http.RequestDelegateGenerator.dll", SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Last();

    private static ImmutableArray<MetadataReference> Load()
    {
        var paths = new List<string>();
        foreach (var pack in new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" })
        {
            paths.AddRange(Directory.GetFiles(Path.Combine(NewestPack(pack), "ref", "net10.0"), "*.dll").OrderBy(p => p, StringComparer.Ordinal));
        }

        var output = AppContext.BaseDirectory;
        paths.Add(Path.Combine(output, "Auth0.Generated.dll"));
        paths.AddRange(Directory.GetFiles(output, "Microsoft.IdentityModel.*.dll").OrderBy(p => p, StringComparer.Ordinal));
        return [.. paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }

    private static string NewestPack(string pack)
    {
        var directory = Path.Combine(DotnetRoot, "packs", pack);
        return Directory.GetDirectories(directory)
            .Where(d => Directory.Exists(Path.Combine(d, "ref", "net10.0")))
            .OrderBy(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0))
            .LastOrDefault() ?? throw new InvalidOperationException($"No {pack} reference pack for net10.0 under {directory}.");
    }
}
