using System;
using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace Auth0.Generated.Authentication;

/// <summary>
/// Reads the JSON types of registered claims as the token carries them: IdentityModel turns a numeric <c>sub</c> into a
/// string when it parses the payload, and EOJB requires <c>sub</c> to be a JSON string.
/// </summary>
internal static class PayloadInspector
{
    /// <summary>The JSON token type of a top-level payload property, or <see cref="JsonTokenType.None"/> when absent or unreadable.</summary>
    public static JsonTokenType ClaimType(string encodedPayload, ReadOnlySpan<byte> claim)
    {
        var length = Base64Url.GetMaxDecodedLength(encodedPayload.Length);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            if (Base64Url.DecodeFromChars(encodedPayload, rented, out _, out var written) != OperationStatus.Done)
            {
                return JsonTokenType.None;
            }

            var reader = new Utf8JsonReader(rented.AsSpan(0, written), new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return JsonTokenType.None;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isClaim = reader.ValueTextEquals(claim);
                if (!reader.Read())
                {
                    return JsonTokenType.None;
                }

                if (isClaim)
                {
                    return reader.TokenType;
                }

                reader.Skip();
            }

            return JsonTokenType.None;
        }
        catch (JsonException)
        {
            return JsonTokenType.None;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
