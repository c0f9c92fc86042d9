using System.Reflection;
using Auth0.Generated.Authorization;

namespace Auth0.Generated.Runtime.Tests;

/// <summary>
/// The requirement-kind table (src/Shared/RequirementKinds.cs), which the generator and the analyzers read instead of
/// the runtime's types, names exactly the runtime's requirement attributes and conventions, and its key prefixes are
/// the ones the attributes build their keys with.
/// </summary>
public sealed class RequirementKindTableTests
{
    private static readonly Assembly Runtime = typeof(Auth0RequirementAttribute).Assembly;

    [Fact]
    public void Every_row_names_a_runtime_attribute_whose_key_starts_with_its_prefix()
    {
        Assert.Equal(Enum.GetValues<RequirementKind>(), RequirementKinds.All.Select(info => info.Kind));
        foreach (var info in RequirementKinds.All)
        {
            var type = Runtime.GetType(info.AttributeMetadataName);
            Assert.True(type is { IsPublic: true, IsSealed: true }, info.AttributeMetadataName);
            Assert.True(type!.IsSubclassOf(typeof(Auth0RequirementAttribute)), info.AttributeMetadataName);

            var attribute = (Auth0RequirementAttribute)Activator.CreateInstance(type, SampleArguments(info.Arguments))!;
            if (info.Arguments == RequirementArguments.None)
            {
                Assert.Equal(info.KeyPrefix, attribute.RequirementKey);
            }
            else
            {
                Assert.StartsWith(info.KeyPrefix + "\n", attribute.RequirementKey, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Every_public_requirement_attribute_has_a_row()
    {
        var attributes = Runtime.GetExportedTypes()
            .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(Auth0RequirementAttribute)))
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal);
        Assert.Equal(attributes, RequirementKinds.All.Select(info => info.AttributeMetadataName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Convention_names_are_exactly_the_runtime_conventions()
    {
        var conventions = typeof(Auth0EndpointConventionBuilderExtensions)
            .GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => m.Name)
            .Distinct()
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            conventions,
            RequirementKinds.All.Where(info => info.ConventionName is not null).Select(info => info.ConventionName!).Order(StringComparer.Ordinal));
        Assert.Equal(typeof(RequireScopesAttribute).Namespace, typeof(Auth0EndpointConventionBuilderExtensions).Namespace);
    }

    [Fact]
    public void Claim_equals_overloads_are_the_value_kinds()
    {
        var valueTypes = typeof(ClaimEqualsAttribute).GetConstructors().Select(c => c.GetParameters()[1].ParameterType.FullName!);
        Assert.Equal(
            Enum.GetValues<ClaimValueKind>().Order(),
            valueTypes.Select(name => ClaimValueKinds.FromClrType(name) ?? throw new InvalidOperationException(name)).Order());
    }

    private static object[] SampleArguments(RequirementArguments arguments) => arguments switch
    {
        RequirementArguments.Values => [new[] { "a" }],
        RequirementArguments.ClaimAndValues => ["claim", new[] { "a" }],
        RequirementArguments.ClaimAndValue => ["claim", "a"],
        RequirementArguments.TypeAndMethod => [typeof(RequirementKindTableTests), nameof(SampleArguments)],
        RequirementArguments.None => [],
        _ => throw new ArgumentOutOfRangeException(nameof(arguments)),
    };
}
