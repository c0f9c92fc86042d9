using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace Auth0.Generated.DPoP;

/// <summary>Reads the <c>cnf</c> (confirmation, RFC 7800) claim of an access token straight from its encoded payload.</summary>
internal static class DPoPConfirmation
{
    /// <summary>Whether the token carries a <c>cnf</c> claim of any kind (it is then not a plain bearer token).</summary>
    public static bool HasConfirmation(string encodedPayload) => Read(encodedPayload, out _) != State.None;

    /// <summary>The token's <c>cnf.jkt</c>, when it is a non-empty string.</summary>
    public static bool TryReadJkt(string encodedPayload, out string? jkt)
        => Read(encodedPayload, out jkt) == State.Jkt;

    private enum State
    {
        None,
        Other,
        Jkt,
    }

    private static State Read(string encodedPayload, out string? jkt)
    {
        jkt = null;
        var rented = ArrayPool<byte>.Shared.Rent(Base64Url.GetMaxDecodedLength(encodedPayload.Length));
        try
        {
            if (Base64Url.DecodeFromChars(encodedPayload, rented, out _, out var written) != OperationStatus.Done)
            {
                // A token that passed validation has a readable payload; anything else is not a plain bearer token either.
                return State.Other;
            }

            var reader = new Utf8JsonReader(rented.AsSpan(0, written), new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return State.Other;
            }

            var state = State.None;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isCnf = reader.ValueTextEquals("cnf"u8);
                if (!reader.Read())
                {
                    return State.Other;
                }

                if (!isCnf)
                {
                    reader.Skip();
                    continue;
                }

                if (state != State.None)
                {
                    // Two cnf members: ambiguous, never a usable binding.
                    jkt = null;
                    return State.Other;
                }

                state = State.Other;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isJkt = reader.ValueTextEquals("jkt"u8);
                    if (!reader.Read())
                    {
                        return State.Other;
                    }

                    if (isJkt && reader.TokenType == JsonTokenType.String && jkt is null)
                    {
                        jkt = reader.GetString();
                        state = string.IsNullOrEmpty(jkt) ? State.Other : State.Jkt;
                    }
                    else
                    {
                        if (isJkt)
                        {
                            jkt = null;
                            return State.Other;
                        }

                        reader.Skip();
                    }
                }
            }

            return state;
        }
        catch (JsonException)
        {
            return State.Other;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
