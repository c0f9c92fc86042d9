using Auth0.Generated.CodeFixes;

namespace Auth0.Generated.Analyzers.Tests;

/// <summary>A0G301-A0G308 and A0G310: [ClaimCheck] methods and the shape of the [Auth0Token] type.</summary>
public class DeclarationTests
{
    private const string Checks = """
        public class Checks
        {
            public static bool Ok(AccessToken token) => true;
            public static bool OkToken(Demo.Token token) => true;
            public static bool OkContext(AccessToken token, HttpContext context) => true;
            public static ValueTask<bool> OkAsync(Demo.Token token, HttpContext context) => default;
            public static bool Overloaded(string value) => true;
            public static bool Overloaded(AccessToken token) => true;
            public bool Instance(AccessToken token) => true;
            public static string WrongReturn(AccessToken token) => "";
            public static bool WrongParameter(string value) => true;
            public static Task<bool> WrongAsync(AccessToken token, HttpContext context) => Task.FromResult(true);
            public static bool TooMany(AccessToken token, HttpContext context, int extra) => true;
            public static bool Generic<T>(AccessToken token) => true;
            public static bool ByRef(ref AccessToken token) => true;
        }

        """;

    [Fact]
    public Task ClaimCheck_accepts_the_documented_shapes()
        => Verify.Analyzer<RequirementAnalyzer>(ClaimTests.Token + Checks + """
            public static class Api
            {
                [ClaimCheck(typeof(Checks), nameof(Checks.Ok))]
                [ClaimCheck(typeof(Checks), nameof(Checks.OkToken), Message = "no")]
                [ClaimCheck(typeof(Checks), nameof(Checks.OkContext))]
                [ClaimCheck(typeof(Checks), nameof(Checks.OkAsync))]
                [ClaimCheck(typeof(Checks), nameof(Checks.Overloaded))]
                public static string A() => "ok";
            }
            """).RunAsync();

    [Fact]
    public Task ClaimCheck_naming_a_missing_method_is_an_error()
        => Verify.Analyzer<RequirementAnalyzer>(ClaimTests.Token + Checks + """
            public static class Api
            {
                [ClaimCheck(typeof(Checks), "Missing")] public static string A() => "ok";
                [ClaimCheck(typeof(Checks), {|A0G303:""|})] public static string B() => "ok";
            }
            """)
            .Expect(new DiagnosticResult(DiagnosticIds.ClaimCheckMethodNotFound, DiagnosticSeverity.Error)
                .WithSpan("/0/Test0.cs", 44, 33, 44, 42)
                .WithArguments("Checks", "Missing"))
            .RunAsync();

    [Fact]
    public Task ClaimCheck_with_a_wrong_signature_is_an_error()
        => Verify.Analyzer<RequirementAnalyzer>(ClaimTests.Token + Checks + """
            public static class Api
            {
                [ClaimCheck(typeof(Checks), {|A0G302:nameof(Checks.Instance)|})]
                [ClaimCheck(typeof(Checks), {|A0G302:nameof(Checks.WrongReturn)|})]
                [ClaimCheck(typeof(Checks), {|A0G302:nameof(Checks.WrongParameter)|})]
                [ClaimCheck(typeof(Checks), {|A0G302:nameof(Checks.WrongAsync)|})]
                [ClaimCheck(typeof(Checks), {|A0G302:nameof(Checks.TooMany)|})]
                [ClaimCheck(typeof(Checks), {|A0G302:"Generic"|})]
                [ClaimCheck(typeof(Checks), {|A0G302:nameof(Checks.ByRef)|})]
                public static string A() => "ok";
            }
            """)
            .RunAsync();

    [Fact]
    public Task A_supported_token_is_silent()
        => Verify.Analyzer<TokenAnalyzer>(ClaimTests.Token + """
            namespace Demo
            {
                [Auth0Token]
                public partial class Full : AccessToken, IDisposable
                {
                    public partial string Name { get; }
                    public partial int Age { get; }
                    public partial long? Big { get; }
                    public partial double Ratio { get; }
                    public partial DateTimeOffset? UpdatedAt { get; }
                    public partial string[] Tags { get; }
                    public partial IReadOnlyList<string>? Groups { get; }
                    public string Helper => "not a claim";
                    public void Dispose() { }
                }
            }
            """).RunAsync();

    [Fact]
    public Task A_token_that_is_not_partial_is_an_error()
        => Verify.Analyzer<TokenAnalyzer>("""
            namespace Demo
            {
                [Auth0Token]
                public class {|A0G304:Token|}
                {
                }
            }
            """).RunAsync();

    [Fact]
    public Task Unsupported_token_shapes_are_errors()
        => Verify.Analyzer<TokenAnalyzer>("""
            [Auth0Token]
            public partial class GlobalNamespaceIsSupported : AccessToken
            {
            }

            namespace Demo
            {
                public static partial class Outer
                {
                    [Auth0Token]
                    public partial class {|A0G305:Nested|}
                    {
                    }
                }

                [Auth0Token]
                public partial class {|A0G305:Generic|}<T>
                {
                }

                [Auth0Token]
                public abstract partial class {|A0G305:Abstract|}
                {
                }
            }
            """).RunAsync();

    [Fact]
    public Task A_token_with_a_base_class_is_an_error()
        => Verify.Analyzer<TokenAnalyzer>("""
            namespace Demo
            {
                public class Base
                {
                }

                [Auth0Token]
                public partial class Token : {|A0G306:Base|}
                {
                }
            }
            """).RunAsync();

    [Fact]
    public Task A_token_without_its_base_class_is_a_warning()
        => Verify.Analyzer<TokenAnalyzer>("""
            namespace Demo
            {
                [Auth0Token]
                public partial class {|A0G310:Token|} : IDisposable
                {
                    public partial string? Tier { get; }
                    public void Dispose() { }
                }

                [Auth0Token]
                public partial class Qualified : Auth0.Generated.AccessToken
                {
                }

                public partial class Qualified
                {
                    public partial string? Tier { get; }
                }
            }
            """).RunAsync();

    [Fact]
    public Task The_fix_derives_the_token_from_AccessToken()
        => Verify.CodeFix<TokenAnalyzer, TokenDeclarationCodeFixProvider>("""
            namespace Demo
            {
                [Auth0Token]
                public partial class {|A0G310:Token|}
                {
                    public partial string? Tier { get; }
                }
            }
            """)
            .Fixed("""
            namespace Demo
            {
                [Auth0Token]
                public partial class Token : AccessToken
                {
                    public partial string? Tier { get; }
                }
            }
            """)
            .RunAsync();

    [Fact]
    public Task The_fix_puts_the_base_class_before_the_interfaces_and_qualifies_it_without_a_using()
        => Verify.CodeFix<TokenAnalyzer, TokenDeclarationCodeFixProvider>("""
            namespace Demo
            {
                [Auth0.Generated.Auth0Token]
                public partial class {|A0G310:Token|} : System.IDisposable, Microsoft.AspNetCore.Http.IBindableFromHttpContext<Token>
                {
                    public void Dispose() { }
                }
            }
            """, usings: false)
            .Fixed("""
            namespace Demo
            {
                [Auth0.Generated.Auth0Token]
                public partial class Token : Auth0.Generated.AccessToken, System.IDisposable, Microsoft.AspNetCore.Http.IBindableFromHttpContext<Token>
                {
                    public void Dispose() { }
                }
            }
            """)
            .RunAsync();

    [Fact]
    public Task Unsupported_claim_types_and_non_partial_claim_properties_are_errors()
        => Verify.Analyzer<TokenAnalyzer>("""
            namespace Demo
            {
                [Auth0Token]
                public partial class Token : AccessToken
                {
                    public partial {|A0G307:Guid|} Id { get; }
                    public partial {|A0G307:List<string>|} Items { get; }
                    public partial {|A0G307:int[]|} Numbers { get; }
                    [Claim("x")] public string {|A0G308:X|} { get; } = "";
                    public string NotAClaim { get; } = "";
                }
            }
            """).RunAsync();
}
