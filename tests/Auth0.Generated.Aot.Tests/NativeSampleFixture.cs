using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Auth0.Generated.Tests.Shared;

namespace Auth0.Generated.Aot.Tests;

/// <summary>
/// Publishes samples/Quickstart.Api with Native AOT once per test run into a temporary folder:
/// <c>dotnet publish samples/Quickstart.Api -c Release -r {rid} -p:NativeAot=true</c>, with its own artifacts folder
/// (under this test project's output) so it never races other builds over the repository's obj/ and bin/ folders.
/// </summary>
public sealed partial class NativeSampleFixture : IAsyncLifetime
{
    /// <summary>How long the publish may take (it compiles the runtime, the sample and links the binary).</summary>
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(15);

    private DirectoryInfo? _publishDirectory;

    /// <summary>The native executable.</summary>
    public string Executable { get; private set; } = string.Empty;

    /// <summary>The publish command line, for messages.</summary>
    public string Command { get; private set; } = string.Empty;

    /// <summary>Everything the publish printed.</summary>
    public string PublishOutput { get; private set; } = string.Empty;

    /// <summary>The lines of the publish output that report a warning (any tool: compiler, ILC, linker, MSBuild).</summary>
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    /// <summary>How long the publish took.</summary>
    public TimeSpan PublishTime { get; private set; }

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot();
        _publishDirectory = Directory.CreateTempSubdirectory("auth0-generated-aot-");
        var project = Path.Combine(root, "samples", "Quickstart.Api", "Quickstart.Api.csproj");
        var artifacts = Path.Combine(AppContext.BaseDirectory, "aot-artifacts");
        string[] arguments =
        [
            "publish", project, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-p:NativeAot=true",
            "-o", _publishDirectory.FullName, "--artifacts-path", artifacts,
            "--disable-build-servers", "-nodeReuse:false", "-tl:off", "-nologo", "-clp:NoSummary",
        ];
        Command = "dotnet " + string.Join(' ', arguments);

        // The test host runs under MSBuild-related variables of `dotnet test`; the publish must resolve its own SDK.
        var inherited = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k == "DOTNET_HOST_PATH")
            .ToList();
        var environment = new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };
        var clock = Stopwatch.StartNew();
        var publish = await ProcessRunner.RunAsync("dotnet", arguments, root, environment, PublishTimeout, inherited);
        PublishTime = clock.Elapsed;
        PublishOutput = publish.Output;
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{Command}` failed with exit code {publish.ExitCode}. Its output:\n{PublishOutput}");
        }

        Warnings = PublishOutput.Split('\n').Where(l => WarningLine().IsMatch(l)).Select(l => l.TrimEnd('\r')).ToList();
        Executable = Path.Combine(_publishDirectory.FullName, "Quickstart.Api");
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"`{Command}` produced no {Executable}. Its output:\n{PublishOutput}");
        }
    }

    public Task DisposeAsync()
    {
        _publishDirectory?.Delete(recursive: true);
        return Task.CompletedTask;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Auth0.Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Auth0.Generated.sln not found above " + AppContext.BaseDirectory);
    }

    // "warning CS1234", "warning IL2026", "ld: warning: ...", MSBuild's "warning MSB...", "warning NU1603" ...
    [GeneratedRegex(@"\bwarning\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WarningLine();
}
