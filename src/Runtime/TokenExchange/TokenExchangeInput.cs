namespace Auth0.Generated.TokenExchange;

/// <summary>
/// Checks every input of an exchange before any request is sent. Messages name the parameter and the rule, never the
/// value (a value may be a token).
/// </summary>
internal static class TokenExchangeInput
{
    internal const string TokenExchangeGrant = "urn:ietf:params:oauth:grant-type:token-exchange";
    internal const string FederatedConnectionGrant = "urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token";
    internal const string AccessTokenType = "urn:ietf:params:oauth:token-type:access_token";
    internal const string FederatedConnectionTokenType = "http://auth0.com/oauth/token-type/federated-connection-access-token";
    internal const string ClientAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    internal const int MaxTokenTypeLength = 256;
    internal const int MaxAudienceLength = 512;
    internal const int MaxScopeLength = 2048;
    internal const int MaxOrganizationLength = 100;
    internal const int MaxConnectionLength = 128;
    internal const int MaxLoginHintLength = 512;
    internal const int MaxExtraParameters = 20;
    internal const int MaxExtraNameLength = 64;
    internal const int MaxExtraValueLength = 2048;

    /// <summary>Namespaces a custom subject token type may not use (Auth0 reserves them).</summary>
    private static readonly string[] ReservedTypePrefixes =
    [
        "urn:ietf:", "urn:auth0:", "urn:okta:",
        "https://auth0.com/", "http://auth0.com/", "https://okta.com/", "http://okta.com/",
    ];

    /// <summary>Form parameters the exchange sets itself: extra parameters may not override them.</summary>
    private static readonly HashSet<string> ReservedParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "grant_type", "client_id", "client_secret", "client_assertion", "client_assertion_type",
        "subject_token", "subject_token_type", "requested_token_type", "actor_token", "actor_token_type",
        "audience", "scope", "organization", "connection", "login_hint",
    };

    public static void Validate(CustomTokenExchangeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Token(request.SubjectToken, nameof(request.SubjectToken));
        SubjectTokenType(request.SubjectTokenType, nameof(request.SubjectTokenType));
        if (request.Audience is not null)
        {
            Printable(request.Audience, nameof(request.Audience), MaxAudienceLength, allowSpace: false);
        }

        if (request.Scope is not null)
        {
            Scope(request.Scope, nameof(request.Scope));
        }

        if (request.Organization is not null)
        {
            Name(request.Organization, nameof(request.Organization), MaxOrganizationLength);
        }

        if (request.ExtraParameters.Count > MaxExtraParameters)
        {
            throw new ArgumentException($"At most {MaxExtraParameters} extra parameters are accepted.", nameof(request));
        }

        foreach (var (name, value) in request.ExtraParameters)
        {
            Name(name, "ExtraParameters key", MaxExtraNameLength, allowDot: true);
            if (ReservedParameters.Contains(name))
            {
                throw new ArgumentException($"The extra parameter '{name}' would override a parameter the exchange sets itself.", nameof(request));
            }

            ArgumentNullException.ThrowIfNull(value, "ExtraParameters value");
            Printable(value, $"ExtraParameters['{name}']", MaxExtraValueLength, allowSpace: true);
        }
    }

    public static void Validate(ConnectionTokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Token(request.AccessToken, nameof(request.AccessToken));
        Name(request.Connection, nameof(request.Connection), MaxConnectionLength, allowDot: true);
        if (request.LoginHint is not null)
        {
            Printable(request.LoginHint, nameof(request.LoginHint), MaxLoginHintLength, allowSpace: true);
        }
    }

    /// <summary>A token: non-empty, at most 16 KiB, visible ASCII only (JWTs and opaque tokens alike).</summary>
    private static void Token(string? token, string parameter)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw new ArgumentException("The token is empty.", parameter);
        }

        if (token.Length > Auth0ApiDefaults.MaxTokenLength)
        {
            throw new ArgumentException($"The token is longer than {Auth0ApiDefaults.MaxTokenLength} characters.", parameter);
        }

        foreach (var c in token)
        {
            if (c is <= ' ' or > '~')
            {
                throw new ArgumentException("The token has a character outside visible ASCII.", parameter);
            }
        }
    }

    private static void SubjectTokenType(string? type, string parameter)
    {
        Printable(type, parameter, MaxTokenTypeLength, allowSpace: false);
        if (!Uri.TryCreate(type, UriKind.Absolute, out _))
        {
            throw new ArgumentException("The subject token type must be an absolute URI you control, for example 'urn:acme:legacy-token'.", parameter);
        }

        foreach (var prefix in ReservedTypePrefixes)
        {
            if (type!.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"The subject token type is in the reserved namespace '{prefix}': use a URI you control, for example 'urn:acme:legacy-token'.", parameter);
            }
        }
    }

    /// <summary>Space-separated scope tokens of RFC 6749 (visible ASCII except <c>"</c> and <c>\</c>).</summary>
    private static void Scope(string scope, string parameter)
    {
        if (scope.Length > MaxScopeLength)
        {
            throw new ArgumentException($"The scope is longer than {MaxScopeLength} characters.", parameter);
        }

        foreach (var c in scope)
        {
            if (c != ' ' && (c is < '!' or > '~' or '"' or '\\'))
            {
                throw new ArgumentException("The scope must be space-separated scope tokens (visible ASCII except '\"' and '\\').", parameter);
            }
        }
    }

    /// <summary>An identifier: letters, digits, <c>_</c>, <c>-</c> (and <c>.</c> when allowed).</summary>
    private static void Name(string? value, string parameter, int maxLength, bool allowDot = false)
    {
        if (string.IsNullOrEmpty(value) || value.Length > maxLength)
        {
            throw new ArgumentException($"The value must have 1 to {maxLength} characters.", parameter);
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' || (allowDot && c == '.')))
            {
                throw new ArgumentException($"The value may contain only letters, digits, '_'{(allowDot ? ", '.'" : string.Empty)} and '-'.", parameter);
            }
        }
    }

    /// <summary>Non-empty, bounded, no control characters (and no whitespace unless allowed).</summary>
    private static void Printable(string? value, string parameter, int maxLength, bool allowSpace)
    {
        if (string.IsNullOrEmpty(value) || value.Length > maxLength)
        {
            throw new ArgumentException($"The value must have 1 to {maxLength} characters.", parameter);
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) || (!allowSpace && char.IsWhiteSpace(c)))
            {
                throw new ArgumentException(allowSpace ? "The value has a control character." : "The value has whitespace or a control character.", parameter);
            }
        }
    }
}
