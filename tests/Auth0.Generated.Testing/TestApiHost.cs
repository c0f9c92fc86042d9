using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Auth0.Generated.Testing;

/// <summary>
/// An API under test on TestServer: <c>AddAuth0Api</c> pointed at a <see cref="TestIssuer"/> (its backchannel trusting
/// the issuer's certificate), ephemeral data protection (nothing written to $HOME), and the endpoints a test maps.
/// </summary>
public sealed class TestApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly CaptureLoggerProvider _logs;

    private TestApiHost(WebApplication app, CaptureLoggerProvider logs)
    {
        _app = app;
        _logs = logs;
        Client = app.GetTestClient();
    }

    /// <summary>A client for the API.</summary>
    public HttpClient Client { get; }

    /// <summary>The application's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>A client for the API whose requests go through <paramref name="handler"/> first (for example a DPoP proof handler).</summary>
    public HttpClient CreateClient(DelegatingHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        handler.InnerHandler = _app.GetTestServer().CreateHandler();
        return new HttpClient(handler) { BaseAddress = Client.BaseAddress };
    }

    /// <summary>A copy of every log line the host wrote so far.</summary>
    public IReadOnlyList<CapturedLog> Logs => _logs.Snapshot();

    /// <summary>Builds and starts the API.</summary>
    /// <param name="issuer">The issuer to trust; null to configure everything through <paramref name="configuration"/>.</param>
    /// <param name="map">Maps the endpoints under test.</param>
    /// <param name="configure">Further options, after configuration binding.</param>
    /// <param name="configuration">Configuration keys (for example <c>Auth0:Strict</c>).</param>
    /// <param name="environment">The host environment (default Production).</param>
    /// <param name="services">Further services.</param>
    public static async Task<TestApiHost> StartAsync(
        TestIssuer? issuer,
        Action<WebApplication> map,
        Action<Auth0ApiOptions>? configure = null,
        IDictionary<string, string?>? configuration = null,
        string environment = "Production",
        Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (issuer is not null)
        {
            settings["AUTH0_DOMAIN"] = issuer.Domain;
            settings["AUTH0_AUDIENCE"] = TestIssuer.DefaultAudience;
        }

        foreach (var (key, value) in configuration ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        var capture = new CaptureLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(capture).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddInMemoryDataProtection();
        builder.Services.AddRouting();
        builder.Services.AddAuth0Api(configure ?? (_ => { }));
        if (issuer is not null)
        {
            builder.Services.AddHttpClient(Auth0ApiDefaults.BackchannelHttpClientName)
                .ConfigurePrimaryHttpMessageHandler(issuer.CreateBackchannelHandler);
        }

        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        map(app);
        await app.StartAsync().ConfigureAwait(false);
        return new TestApiHost(app, capture);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>One captured log line.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Message, Exception? Exception);

/// <summary>A logger provider that keeps every line written, for tests that inspect logs.</summary>
public sealed class CaptureLoggerProvider : ILoggerProvider
{
    private readonly System.Threading.Lock _lock = new();
    private readonly List<CapturedLog> _entries = [];

    /// <summary>A copy of the lines written so far.</summary>
    public IReadOnlyList<CapturedLog> Snapshot()
    {
        lock (_lock)
        {
            return [.. _entries];
        }
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new CaptureLogger(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class CaptureLogger(CaptureLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner._lock)
            {
                owner._entries.Add(new CapturedLog(category, logLevel, formatter(state, exception), exception));
            }
        }
    }
}
