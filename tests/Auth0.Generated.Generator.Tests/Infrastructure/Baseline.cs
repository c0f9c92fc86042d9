using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Auth0.Generated.Tests.Shared;

namespace Auth0.Generated.Generator.Tests.Infrastructure;

/// <summary>
/// Compares generated text with <c>Baselines/&lt;TestName&gt;.generated.txt</c> (<see cref="BaselineFile"/>), the generator
/// version replaced with a placeholder.
/// </summary>
internal static partial class Baseline
{
    public static void Verify(string actual, [CallerMemberName] string testName = "", [CallerFilePath] string callerFile = "")
        => BaselineFile.Verify(actual, Path.Combine(FindProjectDirectory(callerFile), "Baselines", testName + ".generated.txt"), ReplaceVersion);

    /// <summary>A file of this test project's source tree, found as the baselines are.</summary>
    public static string ProjectFile(string relativePath, [CallerFilePath] string callerFile = "")
        => Path.Combine(FindProjectDirectory(callerFile), relativePath);

    /// <summary>Replaces volatile text (the generator version) with a placeholder.</summary>
    private static string ReplaceVersion(string text)
        => VersionPattern().Replace(text, "GeneratedCode(\"Auth0.Generated.Generator\", \"{VERSION}\")");

    private static string FindProjectDirectory(string callerFile)
    {
        // The build records the project directory (see the csproj); the caller's path is a fallback for other builds.
        if (BaselineFile.RecordedProjectDirectory(typeof(Baseline).Assembly) is { } recorded)
        {
            return recorded;
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
