using System.Globalization;
using Auth0.Generated.Tests.Shared;

namespace Auth0.Generated.Package.Tests;

/// <summary>
/// Packs src/Runtime (and the Redis replay store's package, src/Runtime/StackExchangeRedis) once per test run into a
/// folder feed, with a version unique to the run, so a package restored by an earlier run can never stand in for this
/// one. Set <c>AUTH0_GENERATED_PACKAGE_FEED</c> to a folder holding already packed packages to test those instead.
/// Restores go to a package folder of the tests' own (NUGET_PACKAGES), never the user's, with the user's
/// ~/.nuget/packages as a read-only fallback so packages already there are not downloaded again.
/// </summary>
public sealed class PackageFeedFixture : IAsyncLifetime
{
    public const string PackageId = "Auth0.Generated";
    public const string RedisPackageId = "Auth0.Generated.StackExchangeRedis";
    public const string FeedVariable = "AUTH0_GENERATED_PACKAGE_FEED";

    /// <summary>Environment variables the test host inherits from `dotnet test` that would steer child builds.</summary>
    private static readonly string[] InheritedBuildVariables =
    [
        "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly",
        "DOTNET_HOST_PATH", "NUGET_PACKAGES", "VSTEST_HOST_DEBUG", "TreatWarningsAsErrors",
    ];

    public string RepoRoot { get; } = FindRepoRoot();

    public string WorkRoot { get; } = Path.Combine(Path.GetTempPath(), "auth0-generated-package-tests");

    public string Feed { get; private set; } = string.Empty;

    public string PackagePath { get; private set; } = string.Empty;

    /// <summary>The Redis replay store's package, of the same version.</summary>
    public string RedisPackagePath { get; private set; } = string.Empty;

    public string Version { get; private set; } = string.Empty;

    public string PackagesFolder => Path.Combine(WorkRoot, "nuget-packages");

    public static string UserPackagesFolder => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>The environment every child `dotnet` process gets (the current one plus these values).</summary>
    public IReadOnlyDictionary<string, string> DotnetEnvironment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = PackagesFolder,
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["MSBUILDDISABLENODEREUSE"] = "1",
    };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(WorkRoot);
        // Earlier runs' copies of our own package are the only thing this folder must not keep.
        DeleteDirectory(Path.Combine(PackagesFolder, PackageId.ToLowerInvariant()));

        var prebuilt = Environment.GetEnvironmentVariable(FeedVariable);
        if (!string.IsNullOrEmpty(prebuilt))
        {
            Feed = Path.GetFullPath(prebuilt);
            PackagePath = Directory.GetFiles(Feed, PackageId + ".*.nupkg")
                .Where(p => !p.EndsWith(".snupkg", StringComparison.Ordinal) && !Path.GetFileName(p).StartsWith(RedisPackageId + ".", StringComparison.Ordinal))
                .OrderBy(p => p, StringComparer.Ordinal).LastOrDefault()
                ?? throw new InvalidOperationException($"{FeedVariable}='{Feed}' holds no {PackageId}.*.nupkg.");
            Version = Path.GetFileNameWithoutExtension(PackagePath)[(PackageId.Length + 1)..];
            RedisPackagePath = Path.Combine(Feed, $"{RedisPackageId}.{Version}.nupkg");
            return;
        }

        Version = "0.0.0-pkgtest." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        Feed = Path.Combine(WorkRoot, "feed-" + Version);
        Directory.CreateDirectory(Feed);
        // The repository's own restore uses the developer's usual package folder; only fresh projects are isolated.
        PackagePath = await PackAsync(Path.Combine(RepoRoot, "src", "Runtime", "Auth0.Generated.csproj"), PackageId).ConfigureAwait(false);
        RedisPackagePath = await PackAsync(Path.Combine(RepoRoot, "src", "Runtime", "StackExchangeRedis", RedisPackageId + ".csproj"), RedisPackageId).ConfigureAwait(false);
    }

    /// <summary>Packs <paramref name="project"/> into the feed at this run's version; the path of the package it made.</summary>
    private async Task<string> PackAsync(string project, string id)
    {
        var pack = await ProcessRunner.RunAsync(
            "dotnet",
            ["pack", project, "-c", "Release", "-o", Feed, "-p:Version=" + Version],
            RepoRoot,
            new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1", ["MSBUILDDISABLENODEREUSE"] = "1" },
            TimeSpan.FromMinutes(10),
            InheritedBuildVariables).ConfigureAwait(false);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException($"Packing {id} failed: " + pack);
        }

        var path = Path.Combine(Feed, $"{id}.{Version}.nupkg");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"dotnet pack did not produce {path}: {pack}");
        }

        return path;
    }

    public Task DisposeAsync()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(FeedVariable)))
        {
            DeleteDirectory(Feed);
        }

        return Task.CompletedTask;
    }

    internal Task<ProcessResult> RunDotnetAsync(IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
        => ProcessRunner.RunAsync("dotnet", arguments, workingDirectory, DotnetEnvironment, timeout, InheritedBuildVariables);

    /// <summary>A NuGet.config for a fresh project: our feed first, then nuget.org; the user's package folder as fallback.</summary>
    internal string NuGetConfig() => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="auth0-generated-local" value="{Feed}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
          </packageSources>
          <fallbackPackageFolders>
            <clear />
            <add key="user" value="{UserPackagesFolder}" />
          </fallbackPackageFolders>
        </configuration>
        """;

    internal static void DeleteDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    private static string FindRepoRoot()
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
}

[CollectionDefinition(Name)]
public sealed class PackageTestGroup : ICollectionFixture<PackageFeedFixture>
{
    public const string Name = "Package";
}
