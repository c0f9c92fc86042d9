using System.Collections.Frozen;
using System.Linq;
using System.Runtime.CompilerServices;
using Auth0.Generated.Security;

namespace Auth0.Generated.Authentication;

/// <summary>A further scheme of the <c>Auth0</c> handler, registered by <c>AddAuth0Api(scheme, configure)</c>.</summary>
internal sealed record Auth0SchemeName(string Name);

/// <summary>
/// Which Auth0 scheme answers for an endpoint when an application registered more than one (for example a second
/// scheme with another DPoP mode): the endpoint's effective policy (<see cref="EndpointProtection"/>) names the schemes;
/// when it names a further Auth0 scheme, that scheme alone authenticates and challenges, and the <c>Auth0</c> scheme
/// (which every requirement attribute names) steps aside. Otherwise policies with several schemes would accept what
/// the most permissive one accepts: ASP.NET Core merges the principals of every scheme that succeeds. Computed once per
/// endpoint.
/// </summary>
internal sealed class Auth0SchemeSelector
{
    private readonly FrozenSet<string> _further;
    private readonly ConditionalWeakTable<Endpoint, Task<Selection>> _selections = new();

    public Auth0SchemeSelector(IEnumerable<Auth0SchemeName> further)
        => _further = further.Select(s => s.Name).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="scheme"/> is one of the application's Auth0 schemes.</summary>
    public bool IsAuth0Scheme(string scheme)
        => scheme == Auth0ApiDefaults.AuthenticationScheme || _further.Contains(scheme);

    /// <summary>The further Auth0 scheme among <paramref name="schemes"/> (the first named), or null.</summary>
    public string? FurtherScheme(IEnumerable<string> schemes) => schemes.FirstOrDefault(_further.Contains);

    /// <summary>
    /// Whether <paramref name="scheme"/> steps aside on this request: it is the <c>Auth0</c> scheme and the endpoint's
    /// policy names a further Auth0 scheme. Completes synchronously after the endpoint's first request.
    /// </summary>
    public ValueTask<bool> DefersAsync(string scheme, HttpContext context)
    {
        if (_further.Count == 0 || scheme != Auth0ApiDefaults.AuthenticationScheme || context.GetEndpoint() is not { } endpoint)
        {
            return new(false);
        }

        // The policy provider of the request's container (an application may register a scoped one).
        if (!_selections.TryGetValue(endpoint, out var selection))
        {
            var policies = context.RequestServices.GetRequiredService<IAuthorizationPolicyProvider>();
            selection = _selections.GetValue(endpoint, e => Select(e, policies));
        }

        return selection.IsCompletedSuccessfully ? new(selection.Result.Defers) : AwaitAsync(endpoint, selection);
    }

    private async ValueTask<bool> AwaitAsync(Endpoint endpoint, Task<Selection> selection)
    {
        try
        {
            return (await selection.ConfigureAwait(false)).Defers;
        }
        catch
        {
            // A policy provider that failed (a store that did not answer) fails this request, as it would in the
            // authorization middleware; the next request asks it again instead of failing for the application's life.
            _selections.Remove(endpoint);
            throw;
        }
    }

    private async Task<Selection> Select(Endpoint endpoint, IAuthorizationPolicyProvider policies)
    {
        try
        {
            var protection = await EndpointProtection.ComputeAsync(endpoint.Metadata, policies).ConfigureAwait(false);
            return protection.Kind == ProtectionKind.Protected && FurtherScheme(protection.Schemes) is not null ? Selection.Further : Selection.Default;
        }
#pragma warning disable CA1031 // A policy that cannot be built (an unknown name) fails in the authorization middleware, as without this class.
        catch (InvalidOperationException)
#pragma warning restore CA1031
        {
            return Selection.Default;
        }
    }

    private sealed class Selection(bool defers)
    {
        public static readonly Selection Further = new(true);
        public static readonly Selection Default = new(false);

        public bool Defers { get; } = defers;
    }
}
