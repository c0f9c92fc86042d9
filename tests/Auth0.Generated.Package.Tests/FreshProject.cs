using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Auth0.Generated.Tests.Shared;

namespace Auth0.Generated.Package.Tests;

/// <summary>
/// A brand-new minimal API project in a temporary folder, written as <c>dotnet new web</c> writes one (Nullable and
/// ImplicitUsings on), that gets Auth0.Generated from the fixture's feed with <c>dotnet add package</c>.
/// </summary>
internal sealed class FreshProject : IDisposable
{
    public const string Name = "FreshApi";
    public const string Audience = "https://fresh-api.example.com";

    /// <summary>Program.cs of the project: a <c>Token</c> with one custom claim, a public and a scope-protected route.</summary>
    public const string ProtectedProgram = """
        using Auth0.Generated;
        using FreshApi;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuth0Api();
        builder.Services.AddAuthorization();

        var app = builder.Build();

        app.MapGet("/api/public", () => "public").AllowAnonymous();

        // Token.Sub and Token.Tier exist only once the generator has completed the partial Token class.
        app.MapGet("/api/private-scoped", [RequireScopes("read:messages")] (Token token) => $"Hello {token.Sub}, tier {token.Tier ?? "none"}");

        app.Run();

        namespace FreshApi
        {
            // The Request Delegate Generator (on under Native AOT) sees only this declaration: the base class lets it type
            // handlers that read inherited members, IBindableFromHttpContext lets it bind (Token token).
            [Auth0Token]
            public partial class Token : AccessToken, Microsoft.AspNetCore.Http.IBindableFromHttpContext<Token>
            {
                [Claim("tier")]
                public partial string? Tier { get; }
            }
        }
        """;

    /// <summary>The same app with a scope catalog and a misspelled scope on the protected route.</summary>
    public const string MisspelledScopeProgram = """
        using Auth0.Generated;
        using FreshApi;

        [assembly: ApiScope("read:messages", Description = "Read messages")]

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuth0Api();
        builder.Services.AddAuthorization();

        var app = builder.Build();

        app.MapGet("/api/public", () => "public").AllowAnonymous();
        app.MapGet("/api/private-scoped", [RequireScopes("read:mesages")] (Token token) => $"Hello {token.Sub}");

        app.Run();

        namespace FreshApi
        {
            [Auth0Token]
            public partial class Token : AccessToken
            {
            }
        }
        """;

    private readonly PackageFeedFixture _fixture;

    public FreshProject(PackageFeedFixture fixture, string program, bool publishAot = false)
    {
        _fixture = fixture;
        Directory = Path.Combine(fixture.WorkRoot, "projects", Guid.NewGuid().ToString("N"), Name);
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Path.Combine(Directory, Name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">

              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>{(publishAot ? "\n    <PublishAot>true</PublishAot>\n    <InvariantGlobalization>true</InvariantGlobalization>" : string.Empty)}
              </PropertyGroup>

            </Project>
            """);
        File.WriteAllText(Path.Combine(Directory, "Program.cs"), program);
        File.WriteAllText(Path.Combine(Directory, "NuGet.config"), fixture.NuGetConfig());
    }

    public string Directory { get; }

    public async Task<ProcessResult> AddPackageAsync()
        => await _fixture.RunDotnetAsync(["add", "package", PackageFeedFixture.PackageId, "--version", _fixture.Version], Directory, TimeSpan.FromMinutes(10)).ConfigureAwait(false);

    public async Task<ProcessResult> BuildAsync()
        => await _fixture.RunDotnetAsync(["build", "--no-restore", "-p:EmitCompilerGeneratedFiles=true", "-clp:NoSummary"], Directory, TimeSpan.FromMinutes(10)).ConfigureAwait(false);

    public async Task<ProcessResult> PublishAotAsync()
        => await _fixture.RunDotnetAsync(["publish", "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-clp:NoSummary"], Directory, TimeSpan.FromMinutes(15)).ConfigureAwait(false);

    public string GeneratedFilesDirectory => Path.Combine(Directory, "obj", "Debug", "net10.0", "generated");

    public string JitAssembly => Path.Combine(Directory, "bin", "Debug", "net10.0", Name + ".dll");

    public string NativeBinary => Path.Combine(Directory, "bin", "Release", "net10.0", "linux-x64", "publish", Name);

    /// <summary>
    /// Starts the built app on 127.0.0.1 (Production, an issuer address nothing answers on: these requests need no key)
    /// and returns the status of GET /api/public and of GET /api/private-scoped without a token, and that challenge.
    /// </summary>
    public async Task<(HttpStatusCode Public, HttpStatusCode Protected, string Challenge)> ProbeAsync(string fileName, IEnumerable<string> arguments)
    {
        var port = FreePort();
        var home = Path.Combine(Path.GetDirectoryName(Directory)!, "home");
        System.IO.Directory.CreateDirectory(home);
        var info = new ProcessStartInfo(fileName) { WorkingDirectory = Directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["AUTH0_DOMAIN"] = "127.0.0.1:9";
        info.Environment["AUTH0_AUDIENCE"] = Audience;
        info.Environment["HOME"] = home; // nothing the app might write lands in the user's home

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + fileName);
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            var publicStatus = await WaitForAsync(client, process, log).ConfigureAwait(false);
            using var response = await client.GetAsync(new Uri("/api/private-scoped", UriKind.Relative)).ConfigureAwait(false);
            var challenge = string.Join(", ", response.Headers.WwwAuthenticate);
            return (publicStatus, response.StatusCode, challenge);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => PackageFeedFixture.DeleteDirectory(Path.GetDirectoryName(Directory)!);

    private static async Task<HttpStatusCode> WaitForAsync(HttpClient client, Process process, System.Text.StringBuilder log)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode} before answering:\n{log}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/api/public", UriKind.Relative)).ConfigureAwait(false);
                return response.StatusCode;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200).ConfigureAwait(false);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
