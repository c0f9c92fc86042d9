using Microsoft.AspNetCore.Mvc.Testing;

namespace Auth0.Generated.Runtime.Tests.Visibility;

/// <summary>The security snapshot (<see cref="EndpointSecurity"/>) of the sample and of an app with every requirement kind.</summary>
public sealed class EndpointSecurityTests : IssuerTests
{
    [Fact]
    public async Task Snapshot_of_groups_controllers_policies_and_the_fallback_policy()
    {
        await using var api = await EveryRequirementApp.StartAsync(Issuer);
        TextBaseline.Verify(await EndpointSecurity.DescribeAsync(api.Services), "EveryRequirement.security.txt");
    }

    [Fact]
    public async Task Without_a_fallback_policy_an_undeclared_endpoint_is_open()
    {
        await using var api = await EveryRequirementApp.StartAsync(Issuer, fallbackPolicy: false);
        var snapshot = await EndpointSecurity.DescribeAsync(api.Services);
        Assert.Contains("\nGET /fallback -> open\n", snapshot, StringComparison.Ordinal);
        Assert.Contains("\nGET /public -> anonymous\n", snapshot, StringComparison.Ordinal);
        Assert.StartsWith(EndpointSecurity.Header + "\n", snapshot, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snapshot_of_the_sample_matches_its_baseline_and_is_served_at_a_development_route()
    {
        await using var factory = SampleInDevelopment(Issuer);
        var snapshot = await EndpointSecurity.DescribeAsync(factory.Services);
        TextBaseline.Verify(snapshot, "Sample.security.txt");

        using var client = factory.CreateClient();
        Assert.Equal(snapshot, await client.GetStringAsync("/dev/security"));
    }

    [Fact]
    public async Task The_sample_serves_neither_the_snapshot_nor_the_document_outside_development()
    {
        await using var factory = Sample(Issuer, "Production");
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dev/security")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/openapi/v1.json")).StatusCode);
    }

    internal static WebApplicationFactory<Program> SampleInDevelopment(TestIssuer issuer) => SampleFixture.CreateFactory(issuer, "Development");

    private static WebApplicationFactory<Program> Sample(TestIssuer issuer, string environment) => SampleFixture.CreateFactory(issuer, environment);
}
