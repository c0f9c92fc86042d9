namespace Auth0.Generated.DPoP;

/// <summary>Startup validation of <see cref="DPoPOptions"/> (part of the <see cref="Auth0ApiOptions"/> validation).</summary>
internal static class DPoPOptionsValidation
{
    /// <summary>The smallest accepted <see cref="DPoPOptions.NonceSecret"/>, in bytes.</summary>
    public const int MinimumNonceSecretBytes = 32;

    public static void Validate(DPoPOptions options, List<string> errors)
    {
        if (!Enum.IsDefined(options.Mode))
        {
            errors.Add($"Auth0:DPoP:Mode '{options.Mode}' is not a mode: use Allowed, Required or Disabled.");
        }

        if (options.Mode == DPoPMode.Disabled)
        {
            return;
        }

        if (options.Algorithms.Count == 0)
        {
            errors.Add("Auth0:DPoP:Algorithms is empty: list at least one proof algorithm, for example 'ES256'.");
        }

        foreach (var algorithm in options.Algorithms)
        {
            if (Array.IndexOf(DPoPProofValidator.SupportedAlgorithms, algorithm) < 0)
            {
                errors.Add($"Auth0:DPoP:Algorithms contains '{algorithm}': DPoP proofs are signed with an asymmetric key; supported: {string.Join(", ", DPoPProofValidator.SupportedAlgorithms)} (never 'none' nor HS*).");
            }
        }

        if (options.IatOffset <= TimeSpan.Zero)
        {
            errors.Add($"Auth0:DPoP:IatOffset must be positive (it is {options.IatOffset}).");
        }

        if (options.IatLeeway < TimeSpan.Zero)
        {
            errors.Add($"Auth0:DPoP:IatLeeway must not be negative (it is {options.IatLeeway}).");
        }

        if (options.ReplayCacheSize is < 1 or > InMemoryDPoPReplayStore.MaxCapacity)
        {
            errors.Add($"Auth0:DPoP:ReplayCacheSize must be between 1 and {InMemoryDPoPReplayStore.MaxCapacity} (it is {options.ReplayCacheSize}): DPoP requests per second times (IatOffset + IatLeeway), or a shared store beyond that.");
        }

        if (options.PublicBaseUrl is { } baseUrl
            && (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0))
        {
            errors.Add($"Auth0:DPoP:PublicBaseUrl '{baseUrl}' must be an absolute http(s) URL without query or fragment, for example 'https://api.example.com'.");
        }

        if (options.RequireNonce && options.NonceLifetime <= TimeSpan.Zero)
        {
            errors.Add($"Auth0:DPoP:NonceLifetime must be positive (it is {options.NonceLifetime}).");
        }

        if (options.NonceSecret is { } secret && secret.Length < MinimumNonceSecretBytes)
        {
            errors.Add($"Auth0:DPoP:NonceSecret is shorter than {MinimumNonceSecretBytes} bytes.");
        }
    }
}
