using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Auth0.Generated.Testing;

/// <summary>
/// The quickstart sample started as a real process (<c>dotnet Quickstart.Api.dll</c> or the Native AOT binary) on
/// 127.0.0.1 with a port the OS picks, pointed through AUTH0_DOMAIN at a <see cref="TestIssuer"/> over https, the
/// issuer's self-signed certificate trusted through SSL_CERT_FILE (or nothing trusted), in Production, with HOME in a
/// temporary folder. Disposing kills the process (whatever happened) and deletes the folder.
/// </summary>
public sealed partial class SampleProcess : IAsyncDisposable
{
    /// <summary>How long the process may take to print its listening address.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How long one HTTP call to the process may take.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly DirectoryInfo _work;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SampleProcess(Process process, DirectoryInfo work)
    {
        _process = process;
        _work = work;
    }

    /// <summary>Time since just before the process started.</summary>
    public Stopwatch SinceStart { get; } = new();

    /// <summary>Time from just before the process started to its "Now listening on" line.</summary>
    public TimeSpan ListeningAfter { get; private set; }

    /// <summary>A client for the process's address (bounded by <see cref="RequestTimeout"/>).</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Everything the process printed so far (stdout and stderr).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="arguments"/> and waits until it listens.</summary>
    /// <param name="fileName">The executable (<c>dotnet</c>, or the native binary).</param>
    /// <param name="arguments">Its arguments before <c>--urls</c> (the sample's dll for <c>dotnet</c>).</param>
    /// <param name="issuer">The https issuer AUTH0_DOMAIN names.</param>
    /// <param name="trustIssuer">Trust the issuer's certificate through SSL_CERT_FILE (false: trust nothing).</param>
    public static async Task<SampleProcess> StartAsync(string fileName, IEnumerable<string> arguments, TestIssuer issuer, bool trustIssuer = true)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(issuer);
        var work = Directory.CreateTempSubdirectory("auth0-generated-sample-");
        var certificateFile = Path.Combine(work.FullName, "issuer.pem");
        await File.WriteAllTextAsync(certificateFile, issuer.CertificatePem()).ConfigureAwait(false);
        var emptyFile = Path.Combine(work.FullName, "empty.pem");
        await File.WriteAllTextAsync(emptyFile, string.Empty).ConfigureAwait(false);

        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = work.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["AUTH0_DOMAIN"] = issuer.Domain;
        start.Environment["AUTH0_AUDIENCE"] = TestIssuer.DefaultAudience;
        // With SSL_CERT_FILE pointing at a file without the issuer's certificate, nothing trusts it.
        start.Environment["SSL_CERT_FILE"] = trustIssuer ? certificateFile : emptyFile;
        start.Environment["SSL_CERT_DIR"] = work.CreateSubdirectory("no-certificates").FullName;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["HOME"] = work.FullName;
        start.Environment["DOTNET_NOLOGO"] = "1";

        var sample = new SampleProcess(new Process { StartInfo = start }, work);
        try
        {
            sample._process.OutputDataReceived += (_, e) => sample.OnLine(e.Data);
            sample._process.ErrorDataReceived += (_, e) => sample.OnLine(e.Data);
            sample.SinceStart.Start();
            if (!sample._process.Start())
            {
                throw new InvalidOperationException($"{fileName} did not start.");
            }

            sample._process.BeginOutputReadLine();
            sample._process.BeginErrorReadLine();
            var exited = sample._process.WaitForExitAsync();
            var first = await Task.WhenAny(sample._listening.Task, exited).WaitAsync(StartTimeout).ConfigureAwait(false);
            if (first != sample._listening.Task)
            {
                throw new InvalidOperationException($"The sample exited with code {sample._process.ExitCode} before listening.");
            }

            sample.Client = new HttpClient { BaseAddress = new Uri(await sample._listening.Task.ConfigureAwait(false)), Timeout = RequestTimeout };
            return sample;
        }
        catch (Exception e)
        {
            var output = sample.Output;
            await sample.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException("The sample process did not start listening. Its output:\n" + output, e);
        }
    }

    /// <summary>The process's resident set size and its peak (VmRSS and VmHWM from /proc, in KiB), or null where /proc is missing.</summary>
    public (long RssKiB, long PeakRssKiB)? Memory()
    {
        var status = $"/proc/{_process.Id}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        long rss = -1, peak = -1;
        foreach (var line in File.ReadLines(status))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = ParseKiB(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = ParseKiB(line);
            }
        }

        return rss < 0 || peak < 0 ? null : (rss, peak);

        static long ParseKiB(string line)
            => long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(StartTimeout).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }
        finally
        {
            _process.Dispose();
            try
            {
                _work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is not worth failing a test over.
            }
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (ListeningLine().Match(line) is { Success: true } match && !_listening.Task.IsCompleted)
        {
            ListeningAfter = SinceStart.Elapsed;
            _listening.TrySetResult(match.Groups[1].Value);
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
