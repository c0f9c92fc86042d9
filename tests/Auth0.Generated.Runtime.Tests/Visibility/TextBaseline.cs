using System;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Auth0.Generated.Runtime.Tests.Visibility;

/// <summary>
/// Compares text with <c>Visibility/Baselines/&lt;name&gt;</c>, line by line, reporting the first difference. Set
/// <c>AUTH0G_UPDATE_BASELINES=1</c> to rewrite the files: the run then fails, so a regeneration is never silently green.
/// </summary>
internal static class TextBaseline
{
    public const string UpdateVariable = "AUTH0G_UPDATE_BASELINES";

    public static void Verify(string actual, string name, [CallerFilePath] string callerFile = "")
    {
        var normalized = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        var path = Path.Combine(BaselineDirectory(callerFile), name);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, normalized);
            Assert.Fail($"Baseline {path} was regenerated ({UpdateVariable}=1). Review the diff and rerun without the variable.");
        }

        Assert.True(File.Exists(path), $"Missing baseline {path}. Run the tests with {UpdateVariable}=1 to create it, then review it.");
        var expectedLines = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var actualLines = normalized.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var expected = i < expectedLines.Length ? expectedLines[i] : "<end of baseline>";
            var found = i < actualLines.Length ? actualLines[i] : "<end of output>";
            if (!string.Equals(expected, found, StringComparison.Ordinal))
            {
                Assert.Fail($"{name} differs at line {i + 1}:\n  expected: {expected}\n  actual:   {found}\n({UpdateVariable}=1 regenerates.)");
            }
        }
    }

    /// <summary>
    /// <c>Visibility/Baselines</c> of this project: beside the caller's source file, or, where the build maps source paths
    /// (CI=true: ContinuousIntegrationBuild writes <c>/_/</c>), under the project directory recorded at build time.
    /// </summary>
    private static string BaselineDirectory(string callerFile)
    {
        var besideCaller = Path.Combine(Path.GetDirectoryName(callerFile) ?? string.Empty, "Baselines");
        if (Directory.Exists(besideCaller))
        {
            return besideCaller;
        }

        foreach (var metadata in typeof(TextBaseline).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            if (metadata.Key == "ProjectDirectory" && metadata.Value is { } recorded && Directory.Exists(recorded))
            {
                return Path.Combine(recorded, "Visibility", "Baselines");
            }
        }

        return besideCaller;
    }
}
