using Auth0.Generated.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Auth0.Generated.Generator.Tests.Behaviour;

/// <summary>Attributes on real minimal API endpoints of this assembly pick the generated check, once per endpoint.</summary>
public class EndpointMetadataTests
{
    [Fact]
    public void Lambdas_method_groups_and_local_functions_get_generated_checks()
    {
        var builder = WebApplication.CreateSlimBuilder();
        using var app = builder.Build();
        app.MapGet("/lambda", [RequireScopes("lambda:scope")] (TestToken token) => token.Tier);
        app.MapGet("/group", Handler);
        app.MapGet("/local", Local);

        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).ToList();
        Assert.Equal(3, endpoints.Count);
        foreach (var endpoint in endpoints)
        {
            var declarations = endpoint.Metadata.OfType<Auth0RequirementAttribute>().ToList();
            Assert.NotEmpty(declarations);
            foreach (var declaration in declarations)
            {
                var requirement = Assert.IsType<Auth0Requirement>(Assert.Single(((IAuthorizationRequirementData)declaration).GetRequirements()));
                Assert.True(requirement.IsGenerated, requirement.ToString());
            }
        }

        [RequireRoles("local-role")]
        static string Local() => "ok";
    }

    [ClaimIncludes("roles", "method-group")]
    [RequireAnyScope("a:b", "c:d")]
    private static string Handler(HttpContext context) => "ok";
}
