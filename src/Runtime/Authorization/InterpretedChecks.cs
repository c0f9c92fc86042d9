using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Auth0.Generated.Authorization;

/// <summary>Scope requirements, all-of or any-of, read from the <c>scope</c> claim.</summary>
internal sealed class ScopeCheck : IAuth0Check, IInterpretedCheck
{
    private readonly string[] _scopes;
    private readonly bool _all;
    private readonly Auth0Failure _failure;

    private ScopeCheck(string[] scopes, bool all)
    {
        _scopes = scopes;
        _all = all;
        _failure = Auth0Failure.InsufficientScope(scopes);
    }

    public static ScopeCheck AllOf(string[] scopes) => new(scopes, all: true);

    public static ScopeCheck AnyOf(string[] scopes) => new(scopes, all: false);

    public ValueTask<Auth0Failure?> CheckAsync(AccessToken token, HttpContext httpContext)
    {
        foreach (var scope in _scopes)
        {
            var has = token.HasScope(scope);
            if (_all && !has)
            {
                return new(_failure);
            }

            if (!_all && has)
            {
                return default;
            }
        }

        return _all ? default : new ValueTask<Auth0Failure?>(_failure);
    }
}

/// <summary>Role requirement: any of the roles, read from the configured roles claim.</summary>
internal sealed class RoleCheck : IAuth0Check, IInterpretedCheck
{
    private readonly string[] _roles;
    private readonly Auth0Failure _failure;

    private RoleCheck(string[] roles)
    {
        _roles = roles;
        _failure = Auth0Failure.Forbidden("Insufficient role");
    }

    public static RoleCheck AnyOf(string[] roles) => new(roles);

    public ValueTask<Auth0Failure?> CheckAsync(AccessToken token, HttpContext httpContext)
    {
        foreach (var role in _roles)
        {
            if (token.HasRole(role))
            {
                return default;
            }
        }

        return new(_failure);
    }
}

/// <summary>Claim equality (strictly typed) and claim inclusion (all-of, exact elements).</summary>
internal sealed class ClaimValueCheck : IAuth0Check, IInterpretedCheck
{
    private readonly string _claim;
    private readonly Func<AccessToken, bool> _matches;
    private readonly Auth0Failure _missing;
    private readonly Auth0Failure _unexpected;

    private ClaimValueCheck(string claim, Func<AccessToken, bool> matches)
    {
        _claim = claim;
        _matches = matches;
        _missing = Auth0Failure.MissingClaim(claim);
        _unexpected = Auth0Failure.UnexpectedClaimValue(claim);
    }

    public static ClaimValueCheck Equal(string claim, ClaimValueKind kind, object value) => kind switch
    {
        ClaimValueKind.String => new(claim, t => t.TryGetString(claim, out var v) && string.Equals(v, (string)value, StringComparison.Ordinal)),
        ClaimValueKind.Boolean => new(claim, t => t.TryGetBoolean(claim, out var v) && v == (bool)value),
        ClaimValueKind.Integer => new(claim, t => t.TryGetInt64(claim, out var v) && v == (long)value),
        ClaimValueKind.Number => new(claim, t => t.TryGetDouble(claim, out var v) && v.Equals((double)value)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static ClaimValueCheck Includes(string claim, string[] values) => new(claim, t =>
    {
        foreach (var value in values)
        {
            if (!t.ContainsElement(claim, value))
            {
                return false;
            }
        }

        return true;
    });

    public ValueTask<Auth0Failure?> CheckAsync(AccessToken token, HttpContext httpContext)
    {
        if (!token.HasClaim(_claim))
        {
            return new(_missing);
        }

        return _matches(token) ? default : new ValueTask<Auth0Failure?>(_unexpected);
    }
}

/// <summary>A <see cref="ClaimCheckAttribute"/> method bound once through its metadata.</summary>
internal sealed class CustomCheck : IAuth0Check, IInterpretedCheck
{
    private readonly Func<AccessToken, HttpContext, ValueTask<bool>> _check;
    private readonly Auth0Failure _failure;
    private readonly string _name;

    private CustomCheck(string name, Func<AccessToken, HttpContext, ValueTask<bool>> check, string message)
    {
        _name = name;
        _check = check;
        _failure = Auth0Failure.InvalidToken(message);
    }

    /// <summary>The failure a throwing check answers with; the exception itself is logged by the caller.</summary>
    internal Auth0Failure Failure => _failure;

    public static CustomCheck FromMethod(
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods)] Type type,
        string methodName,
        string message)
    {
        const BindingFlags flags = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;
        MethodInfo? found = null;
        foreach (var method in type.GetMethods(flags))
        {
            if (method.Name == methodName && IsSupported(method))
            {
                found = found is null
                    ? method
                    : throw new InvalidOperationException($"[ClaimCheck] method '{type.FullName}.{methodName}' is overloaded; keep exactly one supported overload.");
            }
        }

        if (found is null)
        {
            throw new InvalidOperationException(
                $"[ClaimCheck] found no method '{type.FullName}.{methodName}' of the form 'static bool {methodName}(Token token)', " +
                $"'static bool {methodName}(Token token, HttpContext context)' or 'static ValueTask<bool> {methodName}(Token token, HttpContext context)'.");
        }

        var parameters = found.GetParameters();
        var tokenType = parameters[0].ParameterType;
        var withContext = parameters.Length == 2;
        var isAsync = found.ReturnType == typeof(ValueTask<bool>);
        var name = $"{type.FullName}.{methodName}";
        return new CustomCheck(name, (token, context) =>
        {
            var argument = tokenType.IsInstanceOfType(token) ? token : GeneratedRegistrations.CreateToken(token);
            if (!tokenType.IsInstanceOfType(argument))
            {
                throw new InvalidOperationException($"[ClaimCheck] method '{name}' takes '{tokenType}', but the validated token is '{argument.GetType()}'.");
            }

            object?[] args = withContext ? [argument, context] : [argument];
            var result = found.Invoke(null, args);
            return isAsync ? (ValueTask<bool>)result! : new ValueTask<bool>((bool)result!);
        }, message);
    }

    private static bool IsSupported(MethodInfo method)
    {
        var parameters = method.GetParameters();
        if (parameters.Length is < 1 or > 2 || !typeof(AccessToken).IsAssignableFrom(parameters[0].ParameterType))
        {
            return false;
        }

        if (parameters.Length == 2 && parameters[1].ParameterType != typeof(HttpContext))
        {
            return false;
        }

        return method.ReturnType == typeof(bool) || (parameters.Length == 2 && method.ReturnType == typeof(ValueTask<bool>));
    }

    public async ValueTask<Auth0Failure?> CheckAsync(AccessToken token, HttpContext httpContext)
        => await _check(token, httpContext).ConfigureAwait(false) ? null : _failure;

    public override string ToString() => _name;
}
