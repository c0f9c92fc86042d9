using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace Auth0.Generated.Authentication;

/// <summary>What <see cref="PayloadInspector.Inspect"/> found wrong with a token's JSON, beyond what IdentityModel checks.</summary>
internal enum TokenShapeError
{
    /// <summary>Nothing: the header and payload are strict JSON objects with well-typed registered claims.</summary>
    None,

    /// <summary>A segment that is not base64url, not one JSON object, or has bytes after the object.</summary>
    Malformed,

    /// <summary>A <c>crit</c> header parameter, whatever its value (RFC 7515 4.1.11: we implement no extension).</summary>
    Critical,

    /// <summary><c>exp</c> present but not a JSON number.</summary>
    ExpiresNotNumber,

    /// <summary><c>nbf</c> present but not a JSON number.</summary>
    NotBeforeNotNumber,

    /// <summary><c>iat</c> present but not a JSON number.</summary>
    IssuedAtNotNumber,

    /// <summary><c>sub</c> present but not a JSON string.</summary>
    SubjectNotString,
}

/// <summary>
/// Reads a token's header and payload as they are written, where IdentityModel is lenient: it ignores bytes after the
/// JSON object of a segment and a <c>crit</c> header, accepts <c>"exp": "9999999999"</c> (a string) as a NumericDate,
/// and turns a numeric <c>sub</c> into a string. One forward pass of <see cref="Utf8JsonReader"/> per segment, no
/// allocation (pooled buffer). Also notes the <c>cnf</c> confirmation (RFC 7800 / RFC 9449) for sender-constrained tokens.
/// </summary>
internal static class PayloadInspector
{
    private const int MaxDepth = 64;

    /// <summary>Checks both segments of <paramref name="token"/> (already split into three parts by IdentityModel).</summary>
    /// <param name="token">The compact JWS.</param>
    /// <param name="confirmation">Whether the payload has a <c>cnf</c> claim (a sender-constrained token).</param>
    /// <param name="thumbprint">The <c>cnf.jkt</c> string (RFC 9449 JWK thumbprint), or null.</param>
    public static TokenShapeError Inspect(string token, out bool confirmation, out string? thumbprint)
    {
        confirmation = false;
        thumbprint = null;
        var firstDot = token.IndexOf('.');
        var secondDot = firstDot < 0 ? -1 : token.IndexOf('.', firstDot + 1);
        if (firstDot <= 0 || secondDot < 0)
        {
            return TokenShapeError.Malformed;
        }

        var header = token.AsSpan(0, firstDot);
        var payload = token.AsSpan(firstDot + 1, secondDot - firstDot - 1);
        var rented = ArrayPool<byte>.Shared.Rent(Base64Url.GetMaxDecodedLength(Math.Max(header.Length, payload.Length)));
        try
        {
            if (!TryDecode(header, rented, out var written))
            {
                return TokenShapeError.Malformed;
            }

            var error = InspectHeader(rented.AsSpan(0, written));
            if (error != TokenShapeError.None)
            {
                return error;
            }

            return TryDecode(payload, rented, out written)
                ? InspectPayload(rented.AsSpan(0, written), out confirmation, out thumbprint)
                : TokenShapeError.Malformed;
        }
        catch (JsonException)
        {
            // Invalid JSON, including anything but whitespace after the object (the reader refuses a second value).
            return TokenShapeError.Malformed;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static bool TryDecode(ReadOnlySpan<char> segment, byte[] buffer, out int written)
        => Base64Url.DecodeFromChars(segment, buffer, out _, out written) == OperationStatus.Done;

    private static TokenShapeError InspectHeader(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return TokenShapeError.Malformed;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("crit"u8))
            {
                return TokenShapeError.Critical;
            }

            reader.Read();
            reader.Skip();
        }

        return End(ref reader);
    }

    private static TokenShapeError InspectPayload(ReadOnlySpan<byte> json, out bool confirmation, out string? thumbprint)
    {
        confirmation = false;
        thumbprint = null;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return TokenShapeError.Malformed;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var error = TokenShapeError.None;
            var isCnf = false;
            if (reader.ValueTextEquals("exp"u8))
            {
                error = TokenShapeError.ExpiresNotNumber;
            }
            else if (reader.ValueTextEquals("nbf"u8))
            {
                error = TokenShapeError.NotBeforeNotNumber;
            }
            else if (reader.ValueTextEquals("iat"u8))
            {
                error = TokenShapeError.IssuedAtNotNumber;
            }
            else if (reader.ValueTextEquals("sub"u8))
            {
                error = TokenShapeError.SubjectNotString;
            }
            else
            {
                isCnf = reader.ValueTextEquals("cnf"u8);
            }

            reader.Read();
            var expected = error == TokenShapeError.SubjectNotString ? JsonTokenType.String : JsonTokenType.Number;
            if (error != TokenShapeError.None && reader.TokenType != expected)
            {
                return error;
            }

            if (isCnf)
            {
                confirmation = true;
                thumbprint = ReadThumbprint(ref reader) ?? thumbprint;
            }
            else
            {
                reader.Skip();
            }
        }

        return End(ref reader);
    }

    /// <summary>The <c>jkt</c> string member of the <c>cnf</c> object the reader is on (the reader ends on the object's end).</summary>
    private static string? ReadThumbprint(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? jkt = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isJkt = reader.ValueTextEquals("jkt"u8);
            reader.Read();
            if (isJkt && reader.TokenType == JsonTokenType.String)
            {
                jkt = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return jkt;
    }

    /// <summary>After the top-level object: only whitespace may follow (the reader throws on anything else).</summary>
    private static TokenShapeError End(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0 && !reader.Read()
            ? TokenShapeError.None
            : TokenShapeError.Malformed;
}
