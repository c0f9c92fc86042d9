using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Auth0.Generated.Testing;

/// <summary>
/// Keeps data protection keys in memory. <c>UseEphemeralDataProtectionProvider()</c> alone is not enough: the data
/// protection hosted service still creates a key in the default repository ($HOME/.aspnet) at startup.
/// </summary>
public sealed class InMemoryXmlRepository : IXmlRepository
{
    private readonly List<XElement> _elements = [];

    /// <inheritdoc />
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (_elements)
        {
            return [.. _elements];
        }
    }

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName)
    {
        lock (_elements)
        {
            _elements.Add(element);
        }
    }
}

/// <summary>Registers data protection that never touches the disk.</summary>
public static class InMemoryDataProtectionExtensions
{
    /// <summary>Ephemeral data protection with keys in memory, so a host under test writes nothing under $HOME.</summary>
    public static IServiceCollection AddInMemoryDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.Configure<KeyManagementOptions>(options => options.XmlRepository = new InMemoryXmlRepository());
        return services;
    }
}
