namespace Auth0.Generated.Runtime.Tests;

/// <summary>
/// A test class whose every test gets an issuer of its own (xunit builds the class once per test): for tests that count
/// the issuer's requests, rotate its keys or start APIs with options of their own.
/// </summary>
public abstract class IssuerTests : IAsyncLifetime
{
    protected TestIssuer Issuer { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Issuer = await TestIssuer.StartAsync();

    public virtual async Task DisposeAsync() => await Issuer.DisposeAsync();
}

/// <summary>A test class with an issuer and a real redis-server (a free loopback port) of its own per test.</summary>
public abstract class RedisIssuerTests : IssuerTests
{
    protected DPoP.RedisServer Redis { get; } = new();

    public override async Task InitializeAsync()
    {
        await Redis.InitializeAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Redis.DisposeAsync();
    }
}

/// <summary>A test class whose tests share one <see cref="IssuerFixture"/>: an issuer and the API with default options.</summary>
public abstract class SharedIssuerTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    protected TestIssuer Issuer => fixture.Issuer;

    /// <summary>The API on <see cref="TestRoutes"/> with default options.</summary>
    protected TestApiHost Api => fixture.Api;
}
