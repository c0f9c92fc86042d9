using System.Threading.Tasks;
using Auth0.Generated.Testing;

namespace Auth0.Generated.Runtime.Tests;

/// <summary>One https issuer and one API with default options, shared by a test class.</summary>
public sealed class IssuerFixture : IAsyncLifetime
{
    public TestIssuer Issuer { get; private set; } = null!;

    public TestApiHost Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Issuer = await TestIssuer.StartAsync();
        Api = await TestRoutes.StartHostAsync(Issuer);
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
