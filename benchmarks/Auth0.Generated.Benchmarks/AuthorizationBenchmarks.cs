using System.Security.Claims;
using Auth0.Generated.Authorization;
using Auth0.Generated.Benchmarks.Stock;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Auth0.Generated.Benchmarks;

/// <summary>
/// Per-request authorization of an already-validated token: a scope check and a claim check.
/// <list type="bullet">
/// <item><c>Ours_*_Check</c>: the check the endpoint runs, obtained exactly as the authorization middleware obtains it
/// (<see cref="Auth0RequirementAttribute"/> → <see cref="IAuthorizationRequirementData.GetRequirements"/> →
/// <see cref="Auth0Requirement.Check"/>). Today that is the runtime's interpreted check; once the generator has
/// registered a check for the same key (see <see cref="GeneratedCheckDeclarations"/>) it is the generated one.</item>
/// <item><c>Stock_*</c> (baseline): ASP.NET Core's <see cref="IAuthorizationService"/> with the policies a stock app
/// uses: <c>RequireClaim("isAdmin", "true")</c> and Auth0's ASP.NET Core quickstart <c>HasScopeHandler</c>.</item>
/// <item><c>Ours_*_InAuthorizationService</c>: our check run through the same <see cref="IAuthorizationService"/> by a
/// thin handler, to show what the framework's policy evaluation adds around it.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class AuthorizationBenchmarks : TokenBenchmarksBase
{
    private AccessToken _token = null!;
    private ClaimsPrincipal _user = null!;
    private DefaultHttpContext _httpContext = null!;
    private IAuth0Check _scopeCheck = null!;
    private IAuth0Check _claimCheck = null!;
    private IAuthorizationService _authorization = null!;
    private AuthorizationPolicy _stockScopePolicy = null!;
    private AuthorizationPolicy _stockClaimPolicy = null!;
    private AuthorizationPolicy _oursScopePolicy = null!;
    private AuthorizationPolicy _oursClaimPolicy = null!;

    protected override async Task SetupAsync()
    {
        // The token as authentication leaves it: validated once, then handed to authorization.
        // JwtBearer's default handler maps inbound claim types; the principal below is what a stock app sees.
        var stockHandler = new JsonWebTokenHandler { MapInboundClaims = true };
        var validated = await stockHandler.ValidateTokenAsync(Tokens.Token, Tokens.CreateValidationParameters()).ConfigureAwait(false);
        if (!validated.IsValid)
        {
            throw new System.InvalidOperationException("The benchmark token does not validate.", validated.Exception);
        }

        _user = new ClaimsPrincipal(validated.ClaimsIdentity);
        _token = new AccessToken((JsonWebToken)validated.SecurityToken);
        _httpContext = new DefaultHttpContext { User = _user };

        var scopeRequirement = Requirement(new RequireScopesAttribute(BenchmarkTokens.Scope));
        var claimRequirement = Requirement(new ClaimEqualsAttribute(BenchmarkTokens.AdminClaim, true));
        _scopeCheck = scopeRequirement.Check;
        _claimCheck = claimRequirement.Check;
        System.Console.WriteLine($"// Auth0.Generated checks under test: {scopeRequirement}; {claimRequirement}");

        var services = new ServiceCollection()
            .AddLogging()
            .AddAuthorizationCore()
            .AddSingleton<IAuthorizationHandler, HasScopeHandler>()
            .AddSingleton<IAuthorizationHandler>(new Auth0CheckHandler(_token))
            .BuildServiceProvider();
        _authorization = services.GetRequiredService<IAuthorizationService>();

        // As in Auth0's ASP.NET Core quickstart: options.AddPolicy("read:messages", p => p.Requirements.Add(new HasScopeRequirement(...))).
        _stockScopePolicy = new AuthorizationPolicyBuilder().AddRequirements(new HasScopeRequirement(BenchmarkTokens.Scope, BenchmarkTokens.Issuer)).Build();
        _stockClaimPolicy = new AuthorizationPolicyBuilder().RequireClaim(BenchmarkTokens.AdminClaim, "true").Build();

        // What the authorization middleware builds for an endpoint carrying our attribute (IAuthorizeData + requirement).
        _oursScopePolicy = new AuthorizationPolicyBuilder(Auth0ApiDefaults.AuthenticationScheme).RequireAuthenticatedUser().AddRequirements(scopeRequirement).Build();
        _oursClaimPolicy = new AuthorizationPolicyBuilder(Auth0ApiDefaults.AuthenticationScheme).RequireAuthenticatedUser().AddRequirements(claimRequirement).Build();

        Require(
            Ours_Scope_Check() && Ours_Claim_Check() && await Stock_Scope_HasScopeHandler().ConfigureAwait(false)
            && await Stock_Claim_RequireClaim().ConfigureAwait(false) && await Ours_Scope_InAuthorizationService().ConfigureAwait(false)
            && await Ours_Claim_InAuthorizationService().ConfigureAwait(false),
            "A benchmarked authorization path refused the benchmark token.");
    }

    [BenchmarkCategory("Scope"), Benchmark(Baseline = true)]
    public async Task<bool> Stock_Scope_HasScopeHandler()
        => (await _authorization.AuthorizeAsync(_user, _httpContext, _stockScopePolicy).ConfigureAwait(false)).Succeeded;

    [BenchmarkCategory("Scope"), Benchmark]
    public bool Ours_Scope_Check() => Passes(_scopeCheck.CheckAsync(_token, _httpContext));

    [BenchmarkCategory("Scope"), Benchmark]
    public async Task<bool> Ours_Scope_InAuthorizationService()
        => (await _authorization.AuthorizeAsync(_user, _httpContext, _oursScopePolicy).ConfigureAwait(false)).Succeeded;

    [BenchmarkCategory("Claim"), Benchmark(Baseline = true)]
    public async Task<bool> Stock_Claim_RequireClaim()
        => (await _authorization.AuthorizeAsync(_user, _httpContext, _stockClaimPolicy).ConfigureAwait(false)).Succeeded;

    [BenchmarkCategory("Claim"), Benchmark]
    public bool Ours_Claim_Check() => Passes(_claimCheck.CheckAsync(_token, _httpContext));

    [BenchmarkCategory("Claim"), Benchmark]
    public async Task<bool> Ours_Claim_InAuthorizationService()
        => (await _authorization.AuthorizeAsync(_user, _httpContext, _oursClaimPolicy).ConfigureAwait(false)).Succeeded;

    private static bool Passes(ValueTask<Auth0Failure?> pending)
        => pending.IsCompletedSuccessfully ? pending.Result is null : pending.AsTask().GetAwaiter().GetResult() is null;

    private static Auth0Requirement Requirement(Auth0RequirementAttribute attribute)
        => ((IAuthorizationRequirementData)attribute).GetRequirements().OfType<Auth0Requirement>().Single();

    /// <summary>
    /// Runs an <see cref="Auth0Requirement"/>'s check inside <see cref="IAuthorizationService"/>. A stand-in for the runtime's
    /// own authorization handler (which reads the request's <see cref="AccessToken"/>), so the benchmark does not depend on it.
    /// </summary>
    private sealed class Auth0CheckHandler(AccessToken token) : AuthorizationHandler<Auth0Requirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, Auth0Requirement requirement)
        {
            var pending = requirement.Check.CheckAsync(token, (HttpContext)context.Resource!);
            if (!pending.IsCompletedSuccessfully)
            {
                return Complete(context, requirement, pending);
            }

            Apply(context, requirement, pending.Result);
            return Task.CompletedTask;
        }

        private static async Task Complete(AuthorizationHandlerContext context, Auth0Requirement requirement, ValueTask<Auth0Failure?> pending)
            => Apply(context, requirement, await pending.ConfigureAwait(false));

        private static void Apply(AuthorizationHandlerContext context, Auth0Requirement requirement, Auth0Failure? failure)
        {
            if (failure is null)
            {
                context.Succeed(requirement);
            }
            else
            {
                context.Fail();
            }
        }
    }
}
