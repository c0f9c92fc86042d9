using static Auth0.Generated.Analyzers.Tests.UnprotectedRouteTests;

namespace Auth0.Generated.Analyzers.Tests;

/// <summary>A0G401: [RequireDPoP] / .RequireDPoP() when the code disables DPoP.</summary>
public class DPoPTests
{
    private const string Disabled = """

            public static void Services(IServiceCollection services)
                => services.AddAuth0Api(o => o.DPoP.Mode = Auth0.Generated.DPoP.DPoPMode.Disabled);
        """;

    [Fact]
    public Task Every_RequireDPoP_is_reported_when_the_code_disables_DPoP()
        => Verify.Analyzer<DPoPAnalyzer>(Minimal(
            """
            app.MapGet("/a", [{|A0G401:RequireDPoP|}] () => "ok");
            app.MapGroup("/g").{|A0G401:RequireDPoP|}();
            """,
            Disabled + """

                [{|A0G401:RequireDPoP|}]
                public static string Handler() => "ok";
            """)).RunAsync();

    [Theory]
    [InlineData("Allowed")]
    [InlineData("Required")]
    public Task RequireDPoP_is_fine_when_DPoP_is_on(string mode)
        => Verify.Analyzer<DPoPAnalyzer>(Minimal(
            """
            app.MapGet("/a", [RequireDPoP] () => "ok");
            app.MapGroup("/g").RequireDPoP();
            """,
            Disabled.Replace("Disabled", mode, System.StringComparison.Ordinal))).RunAsync();

    [Fact]
    public Task Disabling_DPoP_without_RequireDPoP_is_fine()
        => Verify.Analyzer<DPoPAnalyzer>(Minimal("""app.MapGet("/a", [RequireScopes("read:messages")] () => "ok");""", Disabled)).RunAsync();

    [Fact]
    public Task A_mode_that_is_not_a_constant_is_not_knowable()
        => Verify.Analyzer<DPoPAnalyzer>(Minimal(
            """app.MapGet("/a", [RequireDPoP] () => "ok");""",
            """

                public static void Services(IServiceCollection services, Auth0.Generated.DPoP.DPoPMode mode)
                    => services.AddAuth0Api(o => o.DPoP.Mode = mode);
            """)).RunAsync();

    [Fact]
    public Task A_further_scheme_that_disables_DPoP_leaves_the_default_schemes_endpoints_alone()
        => Verify.Analyzer<DPoPAnalyzer>(Minimal(
            """
            app.MapGet("/a", [RequireDPoP] () => "ok");
            app.MapGroup("/g").RequireDPoP();
            """,
            """

                public static void Services(IServiceCollection services)
                {
                    services.AddAuth0Api();
                    new Microsoft.AspNetCore.Authentication.AuthenticationBuilder(services)
                        .AddAuth0Api("Legacy", o => o.DPoP.Mode = Auth0.Generated.DPoP.DPoPMode.Disabled);
                }
            """)).RunAsync();

    [Fact]
    public Task Disabling_DPoP_on_the_default_scheme_through_the_authentication_builder_is_reported()
        => Verify.Analyzer<DPoPAnalyzer>(Minimal(
            """app.MapGet("/a", [{|A0G401:RequireDPoP|}] () => "ok");""",
            """

                public static void Services(IServiceCollection services)
                    => services.AddAuthentication().AddAuth0Api(o => o.DPoP.Mode = Auth0.Generated.DPoP.DPoPMode.Disabled);
            """)).RunAsync();
}
