using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Auth0.Generated.Runtime.Tests;

/// <summary>What <c>AddAuth0Api</c> puts in the container.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public async Task Registers_the_default_scheme_without_data_protection()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddAuth0Api(options =>
        {
            options.Domain = "tenant.example.com";
            options.Audience = "https://api.example.com";
        });

        await using var provider = services.BuildServiceProvider();
        var schemes = provider.GetRequiredService<IAuthenticationSchemeProvider>();
        Assert.Equal(Auth0ApiDefaults.AuthenticationScheme, (await schemes.GetDefaultAuthenticateSchemeAsync())?.Name);
        Assert.Equal(Auth0ApiDefaults.AuthenticationScheme, (await schemes.GetDefaultChallengeSchemeAsync())?.Name);

        // Bearer tokens never need data protection, and registering it writes a key ring under $HOME/.aspnet at startup.
        Assert.Null(provider.GetService<IDataProtectionProvider>());
    }

    [Fact]
    public async Task Keeps_a_default_scheme_the_app_chose()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddAuthenticationCore(options => options.DefaultScheme = "Other");
        services.AddAuth0Api(options =>
        {
            options.Domain = "tenant.example.com";
            options.Audience = "https://api.example.com";
        });

        await using var provider = services.BuildServiceProvider();
        Assert.Equal("Other", provider.GetRequiredService<IOptions<AuthenticationOptions>>().Value.DefaultScheme);
        Assert.NotNull(await provider.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(Auth0ApiDefaults.AuthenticationScheme));
    }
}
