using System.Net;
using Auth0.Generated.Benchmarks.Stock;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Auth0.Generated.Benchmarks;

/// <summary>
/// One whole request through ASP.NET Core's middleware pipeline, without a server or sockets: routing, authentication,
/// authorization and the endpoint, for the scope-protected route, on the typical Auth0 token (see
/// <see cref="BenchmarkTokens"/>). Keys are already fetched (no network on the request path).
/// <list type="bullet">
/// <item><c>Stock_Scope</c> (baseline): JwtBearer + Auth0's quickstart <c>HasScopeHandler</c> policy, as
/// benchmarks/StockApi.</item>
/// <item><c>Ours_Scope_NoCache</c> / <c>Ours_Scope_Cache</c>: <c>AddAuth0Api</c> and <c>[RequireScopes]</c>'s
/// convention, with <c>TokenCacheSize = 0</c> and with the default cache.</item>
/// <item><c>Ours_Authorize_Cache</c>: a plain <c>RequireAuthorization()</c> route (the "authenticated user" policy, as
/// <c>[Authorize]</c>) on the same application.</item>
/// <item><c>*_Public*</c>: the anonymous route with the same token sent (the default scheme still validates it);
/// <c>Ours_Public_NoToken</c>: the anonymous route without a token, the floor a protected request is measured against.</item>
/// </list>
/// This is where the time of a request goes, minus Kestrel and the socket.
/// </summary>
[MemoryDiagnoser]
public class RequestPipelineBenchmarks : TokenBenchmarksBase
{
    private const string ScopePath = "/api/private-scoped";
    private const string PublicPath = "/api/public";
    private const string AuthorizePath = "/api/private";

    private App _stock = null!;
    private App _oursNoCache = null!;
    private App _oursCache = null!;

    protected override async Task SetupAsync()
    {
        _stock = BuildStock();
        _oursNoCache = BuildOurs(0);
        _oursCache = BuildOurs(Auth0ApiDefaults.DefaultTokenCacheSize);
        foreach (var (app, path) in new[] { (_stock, ScopePath), (_stock, PublicPath), (_oursNoCache, ScopePath), (_oursCache, ScopePath), (_oursCache, PublicPath), (_oursCache, AuthorizePath) })
        {
            var status = await RunAsync(app, path).ConfigureAwait(false);
            Require(status == StatusCodes.Status200OK, $"{path} answered {status} to the benchmark token.");
        }
    }

    protected override async Task CleanupAsync()
    {
        await _stock.DisposeAsync().ConfigureAwait(false);
        await _oursNoCache.DisposeAsync().ConfigureAwait(false);
        await _oursCache.DisposeAsync().ConfigureAwait(false);
    }

    [Benchmark(Baseline = true)]
    public Task<int> Stock_Scope() => RunAsync(_stock, ScopePath);

    [Benchmark]
    public Task<int> Stock_Public() => RunAsync(_stock, PublicPath);

    [Benchmark]
    public Task<int> Ours_Scope_NoCache() => RunAsync(_oursNoCache, ScopePath);

    [Benchmark]
    public Task<int> Ours_Scope_Cache() => RunAsync(_oursCache, ScopePath);

    [Benchmark]
    public Task<int> Ours_Authorize_Cache() => RunAsync(_oursCache, AuthorizePath);

    [Benchmark]
    public Task<int> Ours_Public_NoCache() => RunAsync(_oursNoCache, PublicPath);

    [Benchmark]
    public Task<int> Ours_Public_Cache() => RunAsync(_oursCache, PublicPath);

    [Benchmark]
    public Task<int> Ours_Public_NoToken() => RunAsync(_oursCache, PublicPath, authorization: null);

    private Task<int> RunAsync(App app, string path) => RunAsync(app, path, BearerAuthorization);

    private static Task<int> RunAsync(App app, string path, string? authorization) => app.RunAsync(path, authorization);

    private App BuildStock()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            // The public key as discovery and JWKS deliver it to JwtBearer's configuration manager.
            .AddJwtBearer(options => ConfigureJwtBearer(options, new JsonWebKeySet(JwksJson(Tokens.SigningKey)).GetSigningKeys()));
        builder.Services.AddAuthorization(options => options.AddPolicy(
            "read:messages", policy => policy.Requirements.Add(new HasScopeRequirement(BenchmarkTokens.Scope, BenchmarkTokens.Issuer))));
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, HasScopeHandler>();
        return App.Start(builder, app =>
        {
            app.MapGet(PublicPath, () => "public");
            app.MapGet(ScopePath, () => "scoped").RequireAuthorization("read:messages");
        });
    }

    private App BuildOurs(int cacheSize)
        => App.Ours(Tokens, options => options.TokenCacheSize = cacheSize, services: null, app =>
        {
            app.MapGet(PublicPath, () => "public").AllowAnonymous();
            app.MapGet(ScopePath, () => "scoped").RequireScopes(BenchmarkTokens.Scope);
            app.MapGet(AuthorizePath, () => "private").RequireAuthorization();
        });

    internal static string JwksJson(RsaSecurityKey key)
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.Rsa.ExportParameters(false)) { KeyId = key.KeyId });
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + jwk.Kid + "\",\"n\":\"" + jwk.N + "\",\"e\":\"" + jwk.E + "\"}]}";
    }

    /// <summary>A built application and its request pipeline (routing, authentication, authorization, endpoints).</summary>
    internal sealed class App : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private App(WebApplication app)
        {
            _app = app;
            app.UseEndpoints(_ => { });
            Pipeline = ((IApplicationBuilder)app).Build();
        }

        public IServiceProvider Services => _app.Services;

        public RequestDelegate Pipeline { get; }

        /// <summary>Builds the application with routing, authentication and authorization before the endpoints <paramref name="map"/> adds.</summary>
        public static App Start(WebApplicationBuilder builder, Action<WebApplication> map)
        {
            var app = builder.Build();
            app.UseRouting();
            app.UseAuthentication();
            app.UseAuthorization();
            map(app);
            return new App(app);
        }

        /// <summary><c>AddAuth0Api</c> for the benchmark tokens' issuer, its JWKS served in process (no network).</summary>
        public static App Ours(BenchmarkTokens tokens, Action<Auth0ApiOptions>? configure, Action<IServiceCollection>? services, Action<WebApplication> map)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.Services.AddAuth0Api(options =>
            {
                options.Domain = new Uri(BenchmarkTokens.Issuer).Host;
                options.Audience = BenchmarkTokens.Audience;
                options.JwksUri = BenchmarkTokens.Issuer + ".well-known/jwks.json";
                configure?.Invoke(options);
            });
            services?.Invoke(builder.Services);
            var jwks = JwksJson(tokens.SigningKey);
            builder.Services.AddHttpClient(Auth0ApiDefaults.BackchannelHttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => new StaticJwksHandler(jwks));
            return Start(builder, map);
        }

        /// <summary>
        /// One GET to <c>http://localhost</c><paramref name="path"/> through the pipeline, in a request scope of its own, with
        /// the <c>Authorization</c> header and a DPoP proof when given; the status code it is answered with.
        /// </summary>
        public async Task<int> RunAsync(string path, string? authorization, string? proof = null)
        {
            await using var scope = Services.CreateAsyncScope();
            var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
            context.Request.Method = HttpMethods.Get;
            context.Request.Scheme = "http";
            context.Request.Host = new HostString("localhost");
            context.Request.Path = path;
            if (authorization is not null)
            {
                context.Request.Headers.Authorization = authorization;
            }

            if (proof is not null)
            {
                context.Request.Headers["DPoP"] = proof;
            }

            await Pipeline(context).ConfigureAwait(false);
            return context.Response.StatusCode;
        }

        public ValueTask DisposeAsync() => _app.DisposeAsync();
    }

    /// <summary>Serves the JWKS the issuer would publish, so nothing goes to the network.</summary>
    internal sealed class StaticJwksHandler(string jwks) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(jwks) });
    }
}
