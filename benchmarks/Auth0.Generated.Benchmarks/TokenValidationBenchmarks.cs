using System.Security.Claims;
using System.Text.Encodings.Web;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth0.Generated.Benchmarks;

/// <summary>
/// Validating one typical Auth0 RS256 access token with keys already fetched (no discovery on the request path).
/// <list type="bullet">
/// <item><c>JwtBearer_AuthenticateAsync</c> (baseline): ASP.NET Core's JwtBearer handler with its defaults
/// (its <c>TokenHandlers</c>: a <see cref="JsonWebTokenHandler"/> that maps inbound claims, a per-request copy of the
/// validation parameters completed from the configuration, events), through <c>AuthenticateAsync</c> on a fresh
/// request scope, as a request runs it.</item>
/// <item><c>OwnHandler_AuthenticateAsync</c>: an authentication handler of our own on <see cref="JsonWebTokenHandler"/>
/// (the shape issue 2 weighs against wrapping JwtBearer): same request scope, same header, fixed parameters, no claim
/// mapping, a ticket with the principal.</item>
/// <item><c>JsonWebTokenHandler_*</c>: the validation call alone, without and with building the principal, i.e. the
/// floor any handler pays.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class TokenValidationBenchmarks : TokenBenchmarksBase
{
    private const string OwnScheme = "Own";

    private JsonWebTokenHandler _handler = null!;
    private TokenValidationParameters _parameters = null!;
    private ServiceProvider _services = null!;

    protected override async Task SetupAsync()
    {
        _handler = new JsonWebTokenHandler { MapInboundClaims = false };
        _parameters = Tokens.CreateValidationParameters();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthentication()
            // The key as discovery would have delivered it, so no request goes to the network.
            .AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, options => ConfigureJwtBearer(options, [Tokens.SigningKey]))
            .AddScheme<OwnHandlerOptions, OwnHandler>(OwnScheme, options =>
            {
                options.Handler = _handler;
                options.Parameters = _parameters;
            });
        _services = services.BuildServiceProvider();

        Require(
            await JsonWebTokenHandler_ValidateTokenAsync().ConfigureAwait(false)
            && await JsonWebTokenHandler_ValidateTokenAsync_WithPrincipal().ConfigureAwait(false) is not null
            && await JwtBearer_AuthenticateAsync().ConfigureAwait(false)
            && await OwnHandler_AuthenticateAsync().ConfigureAwait(false),
            "A benchmarked validation path rejected the benchmark token.");
    }

    protected override async Task CleanupAsync() => await _services.DisposeAsync().ConfigureAwait(false);

    [Benchmark(Baseline = true)]
    public Task<bool> JwtBearer_AuthenticateAsync() => AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);

    [Benchmark]
    public Task<bool> OwnHandler_AuthenticateAsync() => AuthenticateAsync(OwnScheme);

    [Benchmark]
    public async Task<bool> JsonWebTokenHandler_ValidateTokenAsync()
        => (await _handler.ValidateTokenAsync(Tokens.Token, _parameters).ConfigureAwait(false)).IsValid;

    [Benchmark]
    public async Task<ClaimsPrincipal?> JsonWebTokenHandler_ValidateTokenAsync_WithPrincipal()
    {
        var result = await _handler.ValidateTokenAsync(Tokens.Token, _parameters).ConfigureAwait(false);
        return result.IsValid ? new ClaimsPrincipal(result.ClaimsIdentity) : null;
    }

    private async Task<bool> AuthenticateAsync(string scheme)
    {
        await using var scope = _services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Headers.Authorization = BearerAuthorization;
        var result = await context.AuthenticateAsync(scheme).ConfigureAwait(false);
        return result.Succeeded;
    }

    public sealed class OwnHandlerOptions : AuthenticationSchemeOptions
    {
        public JsonWebTokenHandler Handler { get; set; } = null!;

        public TokenValidationParameters Parameters { get; set; } = null!;
    }

    /// <summary>The minimal own handler: bearer header → <see cref="JsonWebTokenHandler"/> → ticket.</summary>
    public sealed class OwnHandler(IOptionsMonitor<OwnHandlerOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<OwnHandlerOptions>(options, logger, encoder)
    {
        protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            string? header = Request.Headers.Authorization;
            if (header is null || !header.StartsWith("Bearer ", System.StringComparison.OrdinalIgnoreCase))
            {
                return AuthenticateResult.NoResult();
            }

            var result = await Options.Handler.ValidateTokenAsync(header[7..], Options.Parameters).ConfigureAwait(false);
            return result.IsValid
                ? AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(result.ClaimsIdentity), Scheme.Name))
                : AuthenticateResult.Fail("invalid_token");
        }
    }
}
