using System.Buffers;
using System.Text;
using System.Text.Json;
using Auth0.Generated.DPoP;
using Microsoft.Net.Http.Headers;

namespace Auth0.Generated.Authentication;

/// <summary>Writes RFC 6750 answers: the <c>WWW-Authenticate</c> challenge and the JSON <c>{error, error_description}</c> body.</summary>
internal static class Auth0Responses
{
    /// <summary>The bare challenge, for a request without a usable token.</summary>
    public const string BareChallenge = "Bearer";

    /// <summary>401 with a bare <c>Bearer</c> challenge and no body.</summary>
    public static Task WriteBareChallengeAsync(HttpResponse response)
    {
        if (response.HasStarted)
        {
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status401Unauthorized;
        if (response.HttpContext.Features.Get<DPoPRequestFeature>() is { } dpop)
        {
            // DPoP on: Bearer and DPoP (Allowed) or DPoP alone (Required), RFC 9449 section 7.1.
            response.Headers.Append(HeaderNames.WWWAuthenticate, dpop.BareChallenges);
        }
        else
        {
            response.Headers.Append(HeaderNames.WWWAuthenticate, BareChallenge);
        }

        return Task.CompletedTask;
    }

    /// <summary>The error code of a refused cross-origin cookie request.</summary>
    public const string CrossOriginError = "cross_origin_request";

    /// <summary>Its description.</summary>
    public const string CrossOriginDescription =
        "Cross-origin request refused: the access token came from a cookie and the browser reports another origin (Sec-Fetch-Site or Origin)";

    /// <summary>
    /// 403 with a JSON body and no challenge (a token would not help: the request's origin is what is refused), for a
    /// cookie token on an unsafe cross-origin browser request.
    /// </summary>
    public static Task WriteCrossOriginAsync(HttpResponse response)
    {
        if (response.HasStarted)
        {
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteJsonAsync(response, CrossOriginError, CrossOriginDescription);
    }

    /// <summary>The failure's status, challenge and JSON body.</summary>
    public static Task WriteFailureAsync(HttpResponse response, Auth0Failure failure)
    {
        if (response.HasStarted)
        {
            return Task.CompletedTask;
        }

        response.StatusCode = failure.StatusCode;
        var dpop = response.HttpContext.Features.Get<DPoPRequestFeature>();
        response.Headers.Append(HeaderNames.WWWAuthenticate, dpop is not null && (dpop.UsedDPoP || failure.DPoPChallenge)
            ? Challenge(failure, DPoPDefaults.AuthorizationScheme, dpop.Algs)
            : Challenge(failure));
        return WriteJsonAsync(response, failure.Error, failure.Description);
    }

    /// <summary><c>{"error": ..., "error_description": ...}</c>, not cacheable.</summary>
    private static Task WriteJsonAsync(HttpResponse response, string error, string description)
    {
        response.Headers.CacheControl = "no-store";
        response.ContentType = "application/json";

        var buffer = new ArrayBufferWriter<byte>(128 + (description.Length * 2));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("error", error);
            writer.WriteString("error_description", description);
            writer.WriteEndObject();
        }

        response.ContentLength = buffer.WrittenCount;
        return response.Body.WriteAsync(buffer.WrittenMemory).AsTask();
    }

    /// <summary><c>Bearer error="...", error_description="..."[, scope="..."]</c> with quoted-string escaping.</summary>
    internal static string Challenge(Auth0Failure failure, string scheme = "Bearer", string? algs = null)
    {
        var builder = new StringBuilder(scheme, 64 + failure.Description.Length).Append(" error=\"");
        AppendQuoted(builder, failure.Error);
        builder.Append("\", error_description=\"");
        AppendQuoted(builder, failure.Description);
        builder.Append('"');
        if (!string.IsNullOrEmpty(failure.Scope))
        {
            builder.Append(", scope=\"");
            AppendQuoted(builder, failure.Scope);
            builder.Append('"');
        }

        if (algs is not null)
        {
            builder.Append(", algs=\"").Append(algs).Append('"');
        }

        return builder.ToString();
    }

    /// <summary>Escapes <c>"</c> and <c>\</c>; replaces control and non-ASCII characters (not allowed in a header) by <c>?</c>.</summary>
    private static void AppendQuoted(StringBuilder builder, string value)
    {
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c < ' ' || c > '~')
            {
                builder.Append('?');
            }
            else
            {
                builder.Append(c);
            }
        }
    }
}
