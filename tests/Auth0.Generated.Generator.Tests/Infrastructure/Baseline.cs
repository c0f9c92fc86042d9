using System;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Auth0.Generated.Generator.Tests.Infrastructure;

/// <summary>
/// Compares generated text with <c>Baselines/&lt;TestName&gt;.generated.txt</c>, line by line, reporting the first difference.
/// Set <c>AUTH0G_UPDATE_BASELINES=1</c> to rewrite the files: the run then fails, so a regeneration is never silently green.
/// </summary>
internal static partial class Baseline
{
    public const string UpdateVariable = "AUTH0G_UPDATE_BASELINES";

    public static void Verify(string actual, [CallerMemberName] string testName = "", [CallerFilePath] string callerFile = "")
    {
        var normalized = Normalize(actual);
        var directory = Path.Combine(FindProjectDirectory(callerFile), "Baselines");
        var path = Path.Combine(directory, testName + ".generated.txt");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, normalized);
            Assert.Fail($"Baseline {path} was regenerated ({UpdateVariable}=1). Review the diff and rerun without the variable.");
        }

        Assert.True(File.Exists(path), $"Missing baseline {path}. Run the tests with {UpdateVariable}=1 to create it, then review it.");
        var expectedLines = Normalize(File.ReadAllText(path)).Split('\n');
        var actualLines = normalized.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var expected = i < expectedLines.Length ? expectedLines[i] : "<end of baseline>";
            var found = i < actualLines.Length ? actualLines[i] : "<end of output>";
            if (!string.Equals(expected, found, StringComparison.Ordinal))
            {
                Assert.Fail($"{Path.GetFileName(path)} differs at line {i + 1}:\n  expected: {expected}\n  actual:   {found}\n({UpdateVariable}=1 regenerates.)");
            }
        }
    }

    /// <summary>Normalises line endings and replaces volatile text (the generator version) with placeholders.</summary>
    public static string Normalize(string text)
        => VersionPattern().Replace(text.Replace("\r\n", "\n"), "GeneratedCode(\"Auth0.Generated.Generator\", \"{VERSION}\")");

    private static string FindProjectDirectory(string callerFile)
    {
        // The build records the project directory (see the csproj); the caller's path is a fallback for other builds.
        foreach (var metadata in typeof(Baseline).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            if (metadata.Key == "ProjectDirectory" && metadata.Value is { } recorded && Directory.Exists(recorded))
            {
                return recorded;
            }
        }

        for (var directory = Path.GetDirectoryName(callerFile); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "Auth0.Generated.Generator.Tests.csproj")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException("Cannot find the test project directory from " + callerFile);
    }

    [GeneratedRegex("GeneratedCode\\(\"Auth0\\.Generated\\.Generator\", \"[^\"]*\"\\)")]
    private static partial Regex VersionPattern();
}
