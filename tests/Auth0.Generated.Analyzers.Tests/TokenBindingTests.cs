using Auth0.Generated.CodeFixes;

namespace Auth0.Generated.Analyzers.Tests;

/// <summary>A0G309: token parameters of minimal API handlers the Request Delegate Generator cannot bind.</summary>
public class TokenBindingTests
{
    private const string PublishAot = "is_global = true\nbuild_property.PublishAot = true\n";

    private const string Token = """
        namespace Demo
        {
            [Auth0Token]
            public partial class Token : AccessToken
            {
            }

            public class Clock
            {
            }
        }

        """;

    /// <summary>The token with the interface (the generator emits the matching BindAsync).</summary>
    private const string BindableToken = """
        namespace Demo
        {
            [Auth0Token]
            public partial class Token : AccessToken, IBindableFromHttpContext<Token>
            {
            }
        }

        """;

    private const string Endpoints = """
        public static class Api
        {
            public static void Configure(WebApplication app)
            {
                app.MapGet("/a", ({|#0:Demo.Token token|}) => "ok");
                app.MapPost("/b", (int id, {|#1:Demo.Token? token|}) => "ok");
                app.MapMethods("/c", new[] { "HEAD" }, {|#2:Handle|});
                app.Map("/d", {|#3:Handle|});
                app.MapFallback(({|#4:Demo.Token token|}) => "ok");
                app.MapGroup("/api").MapPut("/e", ({|#5:Demo.Token token|}) => "ok");
                app.MapDelete("/f", async ({|#6:Demo.Token token|}) => { await Task.Yield(); return "ok"; });
                app.MapPatch("/g", (Func<Demo.Token, string>)(({|#7:Demo.Token token|}) => "ok"));
            }

            private static string Handle(Demo.Token token, Demo.Token again) => "ok";
        }
        """;

    private static Test<TokenAnalyzer, EmptyCodeFixProvider> Analyze(string source, string? globalConfig)
    {
        var test = Verify.Analyzer<TokenAnalyzer>(source);
        if (globalConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", globalConfig));
        }

        return test;
    }

    private static DiagnosticResult At(int location)
        => new DiagnosticResult(DiagnosticIds.TokenNotBindableByRequestDelegateGenerator, DiagnosticSeverity.Warning)
            .WithLocation(location)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("Token");

    private static DiagnosticResult[] EveryEndpoint()
    {
        var results = new DiagnosticResult[8];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = At(i);
        }

        return results;
    }

    [Fact]
    public Task Fires_on_every_endpoint_form_with_PublishAot()
        => Analyze(Token + Endpoints, PublishAot).Expect(EveryEndpoint()).RunAsync();

    [Fact]
    public Task Fires_with_EnableRequestDelegateGenerator()
        => Analyze(Token + Endpoints, "is_global = true\nbuild_property.EnableRequestDelegateGenerator = True\n").Expect(EveryEndpoint()).RunAsync();

    [Fact]
    public Task The_message_says_what_to_declare()
        => Analyze(Token + """
            public static class Api
            {
                public static void Configure(WebApplication app) => app.MapGet("/a", (Demo.Token token) => "ok");
            }
            """, PublishAot)
            .Expect(new DiagnosticResult(DiagnosticIds.TokenNotBindableByRequestDelegateGenerator, DiagnosticSeverity.Warning)
                .WithSpan("/0/Test0.cs", 23, 75, 23, 91)
                .WithSpan("/0/Test0.cs", 13, 26, 13, 31) // the token's name: where the code fix declares the interface
                .WithMessage("Declare 'IBindableFromHttpContext<Token>' on 'Token' so the Request Delegate Generator (on under Native AOT) binds this parameter"))
            .RunAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("is_global = true\nbuild_property.PublishAot = false\nbuild_property.EnableRequestDelegateGenerator = false\n")]
    [InlineData("is_global = true\nbuild_property.PublishAot = \n")]
    public Task Silent_without_the_Request_Delegate_Generator(string? globalConfig)
        => Analyze(Token + Strip(Endpoints), globalConfig).RunAsync();

    [Fact]
    public Task Silent_when_the_token_declares_the_interface()
        => Analyze(BindableToken + Strip(Endpoints), PublishAot).RunAsync();

    [Fact]
    public Task Silent_for_other_parameters_and_for_binding_attributes()
        => Analyze(Token + """
            public static class Api
            {
                public static void Configure(WebApplication app)
                {
                    app.MapGet("/a", (Demo.Clock clock, HttpContext context, AccessToken token) => "ok");
                    app.MapGet("/b", ([Microsoft.AspNetCore.Mvc.FromServices] Demo.Token token) => "ok");
                    app.MapGet("/c", (RequestDelegate)(context => Task.CompletedTask));
                    Func<Demo.Token, string> elsewhere = token => "ok";
                    app.MapGet("/d", elsewhere);
                }
            }
            """, PublishAot).RunAsync();

    [Fact]
    public Task Silent_for_controller_actions()
        => Analyze(Token + """
            public class MessagesController : Microsoft.AspNetCore.Mvc.ControllerBase
            {
                [Microsoft.AspNetCore.Mvc.HttpGet("/messages")]
                public string Get(Demo.Token token) => "ok";
            }
            """, PublishAot).RunAsync();

    [Fact]
    public Task The_fix_declares_the_interface_on_the_token()
    {
        const string Handler = """
            public static class Api
            {
                public static void Configure(WebApplication app) => app.MapGet("/a", ({|A0G309:Demo.Token token|}) => "ok");
            }
            """;
        var test = Verify.CodeFix<TokenAnalyzer, TokenDeclarationCodeFixProvider>("""
            namespace Demo
            {
                [Auth0Token]
                public partial class Token : AccessToken
                {
                }
            }

            """ + Handler)
            .Fixed("""
            namespace Demo
            {
                [Auth0Token]
                public partial class Token : AccessToken, IBindableFromHttpContext<Token>
                {
                }
            }

            """ + Strip(Handler.Replace("{|A0G309:", "{|#0:", System.StringComparison.Ordinal)));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", PublishAot));
        return test.RunAsync();
    }

    [Fact]
    public Task The_fix_edits_the_token_in_its_own_file_and_keeps_its_other_interfaces()
    {
        var test = Verify.CodeFix<TokenAnalyzer, TokenDeclarationCodeFixProvider>("""
            public static class Api
            {
                public static void Configure(WebApplication app) => app.MapGet("/a", ({|A0G309:Demo.Token token|}) => "ok");
            }
            """)
            .Fixed("""
            public static class Api
            {
                public static void Configure(WebApplication app) => app.MapGet("/a", (Demo.Token token) => "ok");
            }
            """);
        test.TestState.Sources.Add(("/0/Token.cs", """
            namespace Demo
            {
                [Auth0.Generated.Auth0Token]
                public partial class Token : Auth0.Generated.AccessToken, System.IDisposable
                {
                    public void Dispose() { }
                }
            }
            """));
        test.FixedState.Sources.Add(("/0/Token.cs", """
            namespace Demo
            {
                [Auth0.Generated.Auth0Token]
                public partial class Token : Auth0.Generated.AccessToken, System.IDisposable, Microsoft.AspNetCore.Http.IBindableFromHttpContext<Token>
                {
                    public void Dispose() { }
                }
            }
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", PublishAot));
        return test.RunAsync();
    }

    private static string Strip(string source) => System.Text.RegularExpressions.Regex.Replace(source, @"\{\|#\d:(.*?)\|\}", "$1");
}
