using System.IO.Compression;
using System.Xml.Linq;

namespace Auth0.Generated.Package.Tests;

/// <summary>What `dotnet pack src/Runtime` puts in the one Auth0.Generated package (docs/packaging.md).</summary>
[Collection(PackageTestGroup.Name)]
[Trait("Category", "Package")]
public sealed class PackageLayoutTests(PackageFeedFixture fixture)
{
    private const string RoslynFolder = "analyzers/dotnet/roslyn4.11/cs/";

    [Fact]
    public void Package_carries_runtime_roslyn_components_props_and_readme()
    {
        using var package = ZipFile.OpenRead(fixture.PackagePath);
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("lib/net10.0/Auth0.Generated.dll", entries);
        Assert.Contains("lib/net10.0/Auth0.Generated.xml", entries);
        Assert.Contains(RoslynFolder + "Auth0.Generated.Generator.dll", entries);
        Assert.Contains(RoslynFolder + "Auth0.Generated.Analyzers.dll", entries);
        Assert.Contains(RoslynFolder + "Auth0.Generated.CodeFixes.dll", entries);
        Assert.Contains("buildTransitive/Auth0.Generated.props", entries);
        Assert.Contains("build/Auth0.Generated.props", entries);
        Assert.Contains("README.md", entries);

        // Nothing else under analyzers/ (no Roslyn, no Workspaces, no second copy for another Roslyn version) and
        // nothing of the compiler-side assemblies under lib/.
        Assert.Equal(3, entries.Count(e => e.StartsWith("analyzers/", StringComparison.Ordinal)));
        Assert.Equal(["lib/net10.0/Auth0.Generated.dll", "lib/net10.0/Auth0.Generated.xml"], entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Nuspec_has_metadata_and_only_runtime_dependencies()
    {
        var nuspec = ReadNuspec();
        XNamespace ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        string? Value(string name) => metadata.Element(ns + name)?.Value;

        Assert.Equal(PackageFeedFixture.PackageId, Value("id"));
        Assert.Equal(fixture.Version, Value("version"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("expression", metadata.Element(ns + "license")!.Attribute("type")!.Value);
        Assert.Equal("README.md", Value("readme"));
        Assert.Contains("auth0", Value("tags")!.Split(' '));
        var repository = metadata.Element(ns + "repository");
        Assert.NotNull(repository);
        Assert.StartsWith("https://", repository.Attribute("url")!.Value, StringComparison.Ordinal);

        var dependencies = metadata.Descendants(ns + "dependency").Select(d => d.Attribute("id")!.Value).ToList();
        Assert.Contains("Microsoft.IdentityModel.JsonWebTokens", dependencies);
        Assert.Contains("Microsoft.IdentityModel.Protocols.OpenIdConnect", dependencies);
        Assert.DoesNotContain(dependencies, d => d.StartsWith("Auth0.Generated", StringComparison.Ordinal) || d.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        // Redis is the replay store package's dependency, not every application's.
        Assert.DoesNotContain("StackExchange.Redis", dependencies);
        Assert.Contains(metadata.Descendants(ns + "frameworkReference"), f => f.Attribute("name")!.Value == "Microsoft.AspNetCore.App");
    }

    [Fact]
    public void Symbols_package_holds_the_runtime_pdb()
    {
        var symbols = Path.ChangeExtension(fixture.PackagePath, ".snupkg");
        Assert.True(File.Exists(symbols), $"{symbols} was not produced");
        using var package = ZipFile.OpenRead(symbols);
        Assert.Contains(package.Entries, e => e.FullName == "lib/net10.0/Auth0.Generated.pdb");
    }

    [Fact]
    public void Redis_store_package_holds_its_assembly_and_depends_on_this_runtime_version_and_StackExchange_Redis()
    {
        using (var package = ZipFile.OpenRead(fixture.RedisPackagePath))
        {
            Assert.Equal(
                ["lib/net10.0/Auth0.Generated.StackExchangeRedis.dll", "lib/net10.0/Auth0.Generated.StackExchangeRedis.xml"],
                package.Entries.Select(e => e.FullName).Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
            Assert.DoesNotContain(package.Entries, e => e.FullName.StartsWith("analyzers/", StringComparison.Ordinal));
        }

        var nuspec = ReadNuspec(fixture.RedisPackagePath, PackageFeedFixture.RedisPackageId);
        XNamespace ns = nuspec.Root!.Name.Namespace;
        var dependencies = nuspec.Descendants(ns + "dependency").ToDictionary(d => d.Attribute("id")!.Value, d => d.Attribute("version")!.Value);
        Assert.Equal(fixture.Version, dependencies[PackageFeedFixture.PackageId]);
        Assert.True(dependencies.ContainsKey("StackExchange.Redis"));
    }

    private XDocument ReadNuspec() => ReadNuspec(fixture.PackagePath, PackageFeedFixture.PackageId);

    private static XDocument ReadNuspec(string path, string id)
    {
        using var package = ZipFile.OpenRead(path);
        var entry = package.Entries.Single(e => e.FullName == id + ".nuspec");
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }
}
