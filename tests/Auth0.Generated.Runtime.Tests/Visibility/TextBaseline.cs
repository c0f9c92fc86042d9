using System.Runtime.CompilerServices;
using Auth0.Generated.Tests.Shared;

namespace Auth0.Generated.Runtime.Tests.Visibility;

/// <summary>
/// Compares text with <c>Visibility/Baselines/&lt;name&gt;</c> (<see cref="BaselineFile"/>).
/// </summary>
internal static class TextBaseline
{
    public static void Verify(string actual, string name, [CallerFilePath] string callerFile = "")
        => BaselineFile.Verify(actual, Path.Combine(BaselineDirectory(callerFile), name));

    /// <summary>
    /// <c>Visibility/Baselines</c> of this project: beside the caller's source file, or, where the build maps source paths
    /// (CI=true: ContinuousIntegrationBuild writes <c>/_/</c>), under the project directory recorded at build time.
    /// </summary>
    private static string BaselineDirectory(string callerFile)
    {
        var besideCaller = Path.Combine(Path.GetDirectoryName(callerFile) ?? string.Empty, "Baselines");
        return Directory.Exists(besideCaller) || BaselineFile.RecordedProjectDirectory(typeof(TextBaseline).Assembly) is not { } recorded
            ? besideCaller
            : Path.Combine(recorded, "Visibility", "Baselines");
    }
}
