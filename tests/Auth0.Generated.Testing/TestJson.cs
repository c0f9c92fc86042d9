namespace Auth0.Generated.Testing;

/// <summary>The JSON object writer shared by <see cref="TestToken"/> and <see cref="TestDPoPProof"/> (header and payload).</summary>
internal static class TestJson
{
    /// <summary>
    /// Writes an object in insertion order. Values: null, string, bool, int, long, double, <see cref="JsonElement"/> (raw
    /// JSON), a nested <c>Dictionary&lt;string, object?&gt;</c>, or a sequence of these.
    /// </summary>
    public static byte[] Serialize(Dictionary<string, object?> values)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, values);
        }

        return stream.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: writer.WriteNumberValue(d); break;
            case JsonElement e: e.WriteTo(writer); break;
            case Dictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (name, item) in map)
                {
                    writer.WritePropertyName(name);
                    Write(writer, item);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable<object?> items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default: throw new NotSupportedException($"JSON values of type {value.GetType()} are not supported by the test token writers.");
        }
    }
}
