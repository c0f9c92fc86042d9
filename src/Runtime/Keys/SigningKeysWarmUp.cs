using Auth0.Generated.Authentication;
using Microsoft.Extensions.Hosting;

namespace Auth0.Generated.Keys;

/// <summary>
/// Starts fetching discovery and JWKS when the application starts, so the first request does not wait on the network
/// (it joins the fetch if it is still in flight: one fetch at a time). Never delays or fails startup: a failed fetch is
/// logged by the key source and retried on demand by requests, as without the warm-up.
/// </summary>
/// <remarks>
/// The fetch starts in <see cref="StartingAsync"/>, which the host calls before any hosted service's
/// <see cref="IHostedService.StartAsync"/> (the web host's among them: building the request pipeline, binding the
/// server), and runs on the thread pool: the TLS handshake and the key download overlap the rest of startup instead of
/// following it (issue 13 item 3).
/// </remarks>
internal sealed partial class SigningKeysWarmUp : IHostedLifecycleService
{
    private readonly Auth0ValidatorProvider _validators;
    private readonly IOptionsMonitor<Auth0ApiOptions> _options;
    private readonly ILogger<SigningKeysWarmUp> _logger;

    public SigningKeysWarmUp(Auth0ValidatorProvider validators, IOptionsMonitor<Auth0ApiOptions> options, ILogger<SigningKeysWarmUp> logger)
    {
        _validators = validators;
        _options = options;
        _logger = logger;
    }

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        if (_options.Get(Auth0ApiDefaults.AuthenticationScheme).FetchKeysAtStartup)
        {
            // Not awaited: startup never waits on the network (and WarmUpAsync never throws).
            _ = Task.Run(WarmUpAsync, CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task WarmUpAsync()
    {
        try
        {
            await _validators.Get().WarmUpAsync(CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A warm-up failure must never crash the host; requests fetch (and report) on demand.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(_logger, e.GetType().Name, e.Message);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Fetching the signing keys at startup failed ({ExceptionType}: {Reason}); the first request will try again.")]
    private static partial void LogFailed(ILogger logger, string exceptionType, string reason);
}
