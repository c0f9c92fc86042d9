using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Auth0.Generated.Analyzers.Tests.Infrastructure;

/// <summary>
/// One shared set of references for every test, built from the running SDK's own reference packs
/// (packs/Microsoft.NETCore.App.Ref and packs/Microsoft.AspNetCore.App.Ref, net10.0) plus the runtime project's
/// Auth0.Generated.dll. ReferenceAssemblies.Net.Net100 would download packages the package source lacks.
/// </summary>
internal static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyAll = new(Build);

    /// <summary>A reference-assembly set with no packages: nothing is downloaded; the references come from <see cref="All"/>.</summary>
    public static ReferenceAssemblies Empty { get; } = new("net10.0");

    public static ImmutableArray<MetadataReference> All => LazyAll.Value;

    /// <summary>Whether the runtime already ships the endpoint conventions (RequireScopes(...) on builders).</summary>
    public static bool RuntimeHasConventions { get; } = typeof(AccessToken).Assembly.GetExportedTypes()
        .Any(t => t.IsAbstract && t.IsSealed && t.GetMethod("RequireScopes", BindingFlags.Public | BindingFlags.Static) is not null);

    private static ImmutableArray<MetadataReference> Build()
    {
        var metadata = typeof(TestReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        var dotnetRoot = metadata["DotnetRoot"] ?? throw new InvalidOperationException("DotnetRoot metadata is missing.");
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var pack in new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" })
        {
            var packDirectory = Path.Combine(dotnetRoot, "packs", pack);
            var version = Directory.GetDirectories(packDirectory)
                .Select(Path.GetFileName)
                .Where(v => v!.StartsWith("10.", StringComparison.Ordinal))
                .OrderBy(v => Version.TryParse(v!.Split('-')[0], out var parsed) ? parsed : new Version(0, 0))
                .LastOrDefault() ?? throw new InvalidOperationException($"No 10.x version of {pack} under {packDirectory}.");
            var refDirectory = Path.Combine(packDirectory, version, "ref", "net10.0");
            foreach (var file in Directory.GetFiles(refDirectory, "*.dll").OrderBy(f => f, StringComparer.Ordinal))
            {
                builder.Add(MetadataReference.CreateFromFile(file));
            }
        }

        builder.Add(MetadataReference.CreateFromFile(typeof(AccessToken).Assembly.Location));
        foreach (var dependency in new[] { "Microsoft.IdentityModel.JsonWebTokens", "Microsoft.IdentityModel.Tokens", "Microsoft.IdentityModel.Abstractions", "Microsoft.IdentityModel.Logging" })
        {
            var path = Path.Combine(AppContext.BaseDirectory, dependency + ".dll");
            if (File.Exists(path))
            {
                builder.Add(MetadataReference.CreateFromFile(path));
            }
        }

        return builder.ToImmutable();
    }
}
