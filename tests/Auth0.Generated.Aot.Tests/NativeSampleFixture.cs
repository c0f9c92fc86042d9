using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

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

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs under MSBuild-related variables of `dotnet test`; the publish must resolve its own SDK.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k == "DOTNET_HOST_PATH").ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        var clock = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync().WaitAsync(PublishTimeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new InvalidOperationException($"`{Command}` did not finish within {PublishTimeout}. Its output:\n{Snapshot()}");
        }

        // Let the asynchronous readers drain the last lines.
        process.WaitForExit();
        PublishTime = clock.Elapsed;
        PublishOutput = Snapshot();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{Command}` failed with exit code {process.ExitCode}. Its output:\n{PublishOutput}");
        }

        Warnings = PublishOutput.Split('\n').Where(l => WarningLine().IsMatch(l)).Select(l => l.TrimEnd('\r')).ToList();
        Executable = Path.Combine(_publishDirectory.FullName, "Quickstart.Api");
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"`{Command}` produced no {Executable}. Its output:\n{PublishOutput}");
        }

        void Append(string? line)
        {
            if (line is not null)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }

        string Snapshot()
        {
            lock (output)
            {
                return output.ToString();
            }
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
