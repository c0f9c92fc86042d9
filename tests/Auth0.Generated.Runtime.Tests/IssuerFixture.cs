namespace Auth0.Generated.Runtime.Tests;

/// <summary>One https issuer and one API with default options (<see cref="TestRoutes"/>), shared by a test class.</summary>
public class IssuerFixture : IAsyncLifetime
{
    public TestIssuer Issuer { get; private set; } = null!;

    public TestApiHost Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Issuer = await TestIssuer.StartAsync();
        Api = await StartApiAsync(Issuer);
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Issuer.DisposeAsync();
    }

    /// <summary>The API the tests share.</summary>
    protected virtual Task<TestApiHost> StartApiAsync(TestIssuer issuer) => TestRoutes.StartHostAsync(issuer);
}
