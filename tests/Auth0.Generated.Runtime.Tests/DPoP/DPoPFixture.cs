using System.Threading.Tasks;
using Auth0.Generated.Testing;

namespace Auth0.Generated.Runtime.Tests.DPoP;

/// <summary>One issuer and one API with default options (DPoP allowed), shared by a test class.</summary>
public sealed class DPoPFixture : IAsyncLifetime
{
    public TestIssuer Issuer { get; private set; } = null!;

    public TestApiHost Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Issuer = await TestIssuer.StartAsync();
        Api = await DPoPTestSupport.StartAsync(Issuer);
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
