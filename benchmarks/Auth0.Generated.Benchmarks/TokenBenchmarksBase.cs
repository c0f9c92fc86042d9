using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Auth0.Generated.Benchmarks;

/// <summary>
/// The setup every benchmark on the typical Auth0 token shares: <see cref="Tokens"/> is created before the class's own
/// <see cref="SetupAsync"/> and disposed after its <see cref="CleanupAsync"/>, once per run (BenchmarkDotNet's global
/// setup and cleanup).
/// </summary>
public abstract class TokenBenchmarksBase
{
    /// <summary>The signing key and the token (see <see cref="BenchmarkTokens"/>).</summary>
    protected BenchmarkTokens Tokens { get; private set; } = null!;

    /// <summary>The <c>Authorization</c> header a request carries the token in: <c>Bearer</c> and the token.</summary>
    protected string BearerAuthorization { get; private set; } = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        Tokens = new BenchmarkTokens();
        BearerAuthorization = "Bearer " + Tokens.Token;
        await SetupAsync().ConfigureAwait(false);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await CleanupAsync().ConfigureAwait(false);
        Tokens.Dispose();
    }

    /// <summary>The class's own setup, with <see cref="Tokens"/> ready.</summary>
    protected abstract Task SetupAsync();

    /// <summary>The class's own cleanup, before <see cref="Tokens"/> is disposed.</summary>
    protected virtual Task CleanupAsync() => Task.CompletedTask;

    /// <summary>
    /// JwtBearer as a stock app configures it for the benchmark issuer and audience, with <paramref name="signingKeys"/> in
    /// its configuration as discovery would have delivered them (no request goes to the network).
    /// </summary>
    protected static void ConfigureJwtBearer(JwtBearerOptions options, IEnumerable<SecurityKey> signingKeys)
    {
        var configuration = new OpenIdConnectConfiguration { Issuer = BenchmarkTokens.Issuer };
        foreach (var key in signingKeys)
        {
            configuration.SigningKeys.Add(key);
        }

        options.Configuration = configuration;
        options.Audience = BenchmarkTokens.Audience;
        options.TokenValidationParameters.ValidIssuer = BenchmarkTokens.Issuer;
        options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256];
        options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(5);
    }

    /// <summary>Fails the run, not the figures, when a benchmarked path does not answer as it must (checked in setup).</summary>
    protected static void Require(bool passed, string message)
    {
        if (!passed)
        {
            throw new InvalidOperationException(message);
        }
    }
}
