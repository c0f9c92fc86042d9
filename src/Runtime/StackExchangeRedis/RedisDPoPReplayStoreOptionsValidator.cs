using StackExchange.Redis;

namespace Auth0.Generated.DPoP;

/// <summary>
/// Startup validation of <see cref="RedisDPoPReplayStoreOptions"/>: a connection to use (configuration, factory or a
/// registered <see cref="IConnectionMultiplexer"/>), a configuration that parses, a bounded timeout.
/// </summary>
internal sealed class RedisDPoPReplayStoreOptionsValidator : IValidateOptions<RedisDPoPReplayStoreOptions>
{
    private readonly IServiceProviderIsService? _services;

    public RedisDPoPReplayStoreOptionsValidator(IServiceProviderIsService? services = null) => _services = services;

    public ValidateOptionsResult Validate(string? name, RedisDPoPReplayStoreOptions options)
        => RedisDPoPReplayStore.Validate(options, _services?.IsService(typeof(IConnectionMultiplexer)) == true) is { } error
            ? ValidateOptionsResult.Fail(error)
            : ValidateOptionsResult.Success;
}
