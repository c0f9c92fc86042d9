using System.Net;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Auth0.Generated.Package.Tests;

/// <summary>
/// Installs the packed package into brand-new projects and proves it works there: the generator runs, the analyzers
/// run, the app answers, JIT and Native AOT (docs/packaging.md lists which assertion needs which component).
/// </summary>
[Collection(PackageTestGroup.Name)]
[Trait("Category", "Package")]
public sealed partial class InstallTests(PackageFeedFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Fresh_project_builds_with_the_generator_and_answers()
    {
        using var project = new FreshProject(fixture, FreshProject.ProtectedProgram);
        await AddPackageAsync(project);

        // The props arrive once, through buildTransitive (NuGet prefers it over build/ for PackageReference).
        var nugetProps = File.ReadAllText(Path.Combine(project.Directory, "obj", FreshProject.Name + ".csproj.nuget.g.props"));
        Assert.Single(ImportOfOurProps().Matches(nugetProps));

        // Compiles only if the generator completed Token (base AccessToken: Sub; the partial property Tier).
        var build = await project.BuildAsync();
        output.WriteLine(build.ToString());
        Assert.True(build.ExitCode == 0, build.ToString());

        var generated = Path.Combine(project.GeneratedFilesDirectory, "Auth0.Generated.Generator");
        Assert.True(Directory.Exists(generated), $"The generator emitted nothing ({generated} is missing).");
        var files = Directory.GetFiles(generated, "*.g.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        Assert.Contains(files, f => File.ReadAllText(f).Contains("partial class Token", StringComparison.Ordinal));

        var (publicStatus, protectedStatus, challenge) = await project.ProbeAsync("dotnet", [project.JitAssembly]);
        Assert.Equal(HttpStatusCode.OK, publicStatus);
        Assert.Equal(HttpStatusCode.Unauthorized, protectedStatus);
        Assert.StartsWith("Bearer", challenge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyzer_reports_a_misspelled_scope()
    {
        using var good = new FreshProject(fixture, FreshProject.ProtectedProgram.Replace(
            "using FreshApi;\n", "using FreshApi;\n\n[assembly: ApiScope(\"read:messages\")]\n", StringComparison.Ordinal));
        using var misspelled = new FreshProject(fixture, FreshProject.MisspelledScopeProgram);
        await AddPackageAsync(good);
        await AddPackageAsync(misspelled);

        var goodBuild = await good.BuildAsync();
        var misspelledBuild = await misspelled.BuildAsync();
        output.WriteLine(misspelledBuild.ToString());
        Assert.True(goodBuild.ExitCode == 0, goodBuild.ToString());

        // The analyzers' ids share the prefix A0G (the unknown-scope rule's exact id belongs to the analyzers).
        var reported = OurDiagnostics(misspelledBuild.Output).ToList();
        var expected = OurDiagnostics(goodBuild.Output).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var caused = reported.Where(d => !expected.Contains(d.Id)).ToList();
        Assert.True(caused.Count > 0, "No A0G diagnostic reported the misspelled scope 'read:mesages':\n" + misspelledBuild);
        Assert.All(caused, d => Assert.Contains("Program.cs", d.Line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Native_aot_publish_has_no_warnings_and_answers()
    {
        using var project = new FreshProject(fixture, FreshProject.ProtectedProgram, publishAot: true);
        await AddPackageAsync(project);

        var publish = await project.PublishAotAsync();
        output.WriteLine(publish.ToString());
        Assert.True(publish.ExitCode == 0, publish.ToString());
        var warnings = Warning().Matches(publish.Output).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(warnings.Count == 0, "Native AOT publish warned:\n" + string.Join('\n', warnings));
        Assert.True(File.Exists(project.NativeBinary), project.NativeBinary + " was not produced");
        output.WriteLine($"Native binary: {new FileInfo(project.NativeBinary).Length / (1024.0 * 1024.0):F1} MiB");

        var (publicStatus, protectedStatus, challenge) = await project.ProbeAsync(project.NativeBinary, []);
        Assert.Equal(HttpStatusCode.OK, publicStatus);
        Assert.Equal(HttpStatusCode.Unauthorized, protectedStatus);
        Assert.StartsWith("Bearer", challenge, StringComparison.Ordinal);
    }

    private static async Task AddPackageAsync(FreshProject project)
    {
        var add = await project.AddPackageAsync();
        Assert.True(add.ExitCode == 0, add.ToString());
    }

    private static System.Collections.Generic.IEnumerable<(string Id, string Line)> OurDiagnostics(string buildOutput)
        => OurDiagnostic().Matches(buildOutput).Select(m => (m.Groups["id"].Value, m.Value));

    [GeneratedRegex(@"^.*: (?:warning|error) (?<id>A0G\d+):.*$", RegexOptions.Multiline)]
    private static partial Regex OurDiagnostic();

    [GeneratedRegex(@"^.*\bwarning [A-Z]+[0-9]+\b.*$", RegexOptions.Multiline)]
    private static partial Regex Warning();

    [GeneratedRegex(@"<Import Project=""[^""]*[/\\]auth0\.generated[/\\][^""]*Auth0\.Generated\.props""", RegexOptions.IgnoreCase)]
    private static partial Regex ImportOfOurProps();
}
