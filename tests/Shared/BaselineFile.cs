// Linked into the test projects that compare output with checked-in baselines (generator and runtime visibility tests).
using System.Reflection;

namespace Auth0.Generated.Tests.Shared;

/// <summary>
/// Compares text with a baseline file, line by line, reporting the first difference. Set <c>AUTH0G_UPDATE_BASELINES=1</c>
/// to rewrite the files: the run then fails, so a regeneration is never silently green.
/// </summary>
internal static class BaselineFile
{
    public const string UpdateVariable = "AUTH0G_UPDATE_BASELINES";

    /// <summary>Compares <paramref name="actual"/> with the file at <paramref name="path"/>, both with line endings folded and then <paramref name="normalize"/>d.</summary>
    public static void Verify(string actual, string path, Func<string, string>? normalize = null)
    {
        var normalized = Normalize(actual, normalize);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, normalized);
            Assert.Fail($"Baseline {path} was regenerated ({UpdateVariable}=1). Review the diff and rerun without the variable.");
        }

        Assert.True(File.Exists(path), $"Missing baseline {path}. Run the tests with {UpdateVariable}=1 to create it, then review it.");
        var expectedLines = Normalize(File.ReadAllText(path), normalize).Split('\n');
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

    /// <summary>
    /// The project directory the build recorded in the test assembly (<c>AssemblyMetadata("ProjectDirectory")</c>, see the
    /// csproj), when it exists here: source paths are mapped to <c>/_/</c> where the build is a CI build (CI=true).
    /// </summary>
    public static string? RecordedProjectDirectory(Assembly testAssembly)
    {
        foreach (var metadata in testAssembly.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            if (metadata.Key == "ProjectDirectory" && metadata.Value is { } recorded && Directory.Exists(recorded))
            {
                return recorded;
            }
        }

        return null;
    }

    private static string Normalize(string text, Func<string, string>? normalize)
    {
        var folded = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        return normalize is null ? folded : normalize(folded);
    }
}
