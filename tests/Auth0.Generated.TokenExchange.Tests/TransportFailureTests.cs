using System.Net.Sockets;

namespace Auth0.Generated.TokenExchange.Tests;

/// <summary>Network failures and timeouts are told apart from OAuth errors, and from each other.</summary>
public sealed class TransportFailureTests : IClassFixture<TenantFixture>
{
    private readonly OpenIddictTenant _tenant;

    public TransportFailureTests(TenantFixture fixture) => _tenant = fixture.Tenant;

    private static CustomTokenExchangeRequest Request() => new() { SubjectToken = "legacy.secret-value", SubjectTokenType = OpenIddictTenant.LegacyTokenType };

    [Fact]
    public async Task A_refused_connection_is_a_network_exception()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var services = new ExchangeServices(_tenant, options => options.TokenEndpoint = $"https://127.0.0.1:{port}/oauth/token");

        var error = await Assert.ThrowsAsync<TokenExchangeNetworkException>(() => services.Client.ExchangeAsync(Request()));
        Assert.DoesNotContain("secret-value", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_never_answers_is_a_timeout()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var services = new ExchangeServices(_tenant, options =>
        {
            options.TokenEndpoint = $"https://127.0.0.1:{port}/oauth/token";
            options.Timeout = TimeSpan.FromSeconds(1);
        });

        var error = await Assert.ThrowsAsync<TokenExchangeTimeoutException>(() => services.Client.ExchangeAsync(Request()));
        Assert.Contains("1 seconds", error.Message, StringComparison.Ordinal);
        listener.Stop();
    }

    [Fact]
    public async Task The_callers_cancellation_stays_a_cancellation()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var services = new ExchangeServices(_tenant, options => options.TokenEndpoint = $"https://127.0.0.1:{port}/oauth/token");
        using var cancel = new System.Threading.CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => services.Client.ExchangeAsync(Request(), cancel.Token));
        listener.Stop();
    }
}
