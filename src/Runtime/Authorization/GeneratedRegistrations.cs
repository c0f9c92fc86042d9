using System.Collections.Concurrent;
using System.ComponentModel;

namespace Auth0.Generated.Authorization;

/// <summary>
/// Where generated code registers its checks (keyed by <see cref="RequirementKeyFormat"/>) and its token type.
/// Generated module initializers call it; application code has no reason to.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedRegistrations
{
    private static readonly ConcurrentDictionary<string, IAuth0Check> Checks = new(StringComparer.Ordinal);
    private static Func<AccessToken, AccessToken>? _tokenFactory;

    /// <summary>Registers the generated check for a requirement key. The first registration of a key wins.</summary>
    public static void RegisterCheck(string requirementKey, IAuth0Check check)
    {
        ArgumentNullException.ThrowIfNull(requirementKey);
        ArgumentNullException.ThrowIfNull(check);
        Checks.TryAdd(requirementKey, check);
    }

    /// <summary>Registers the factory of the application's generated token type. The first registration wins.</summary>
    public static void RegisterTokenFactory(Func<AccessToken, AccessToken> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Interlocked.CompareExchange(ref _tokenFactory, factory, null);
    }

    /// <summary>The generated check registered for <paramref name="requirementKey"/>, if any.</summary>
    public static IAuth0Check? TryGetCheck(string requirementKey)
        => Checks.TryGetValue(requirementKey, out var check) ? check : null;

    /// <summary>Creates the application's token type for a validated token (the base type when none is registered).</summary>
    public static AccessToken CreateToken(AccessToken token)
    {
        var factory = Volatile.Read(ref _tokenFactory);
        return factory is null ? token : factory(token);
    }
}
