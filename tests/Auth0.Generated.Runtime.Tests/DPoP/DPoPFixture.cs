namespace Auth0.Generated.Runtime.Tests.DPoP;

/// <summary>One issuer and one API with default options (DPoP allowed), shared by a test class.</summary>
public sealed class DPoPFixture : IssuerFixture
{
    protected override Task<TestApiHost> StartApiAsync(TestIssuer issuer) => DPoPTestSupport.StartAsync(issuer);
}
