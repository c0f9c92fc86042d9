using System.Text;
using System.Text.Json;
using Auth0.Generated.Authentication;
using CsCheck;

namespace Auth0.Generated.Runtime.Tests;

/// <summary>
/// The strict shape pass (<see cref="PayloadInspector"/>: one forward <see cref="Utf8JsonReader"/> pass per segment, where
/// IdentityModel is lenient) against an oracle written with <see cref="JsonDocument"/>, on random tokens (CsCheck: a
/// failure is shrunk and printed with its seed): JSON objects whose members are the registered claims it types, a
/// <c>crit</c>, a <c>cnf</c>, nested values and every JSON kind, then sometimes damaged (bytes appended, the text cut).
/// </summary>
public class PayloadInspectorPropertyTests
{
    private static readonly Gen<string> Scalar = Gen.OneOf(
        Gen.Const("1700000000"), Gen.Const("1.5"), Gen.Const("-3"), Gen.Const("1e3"), Gen.Const("0"),
        Gen.Const("\"9999999999\""), Gen.Const("\"\""), Gen.Const("\"a\\\"b\""), Gen.Const("true"), Gen.Const("false"), Gen.Const("null"));

    private static readonly Gen<string> Value = Gen.Recursive<string>((depth, value) => depth >= 2
        ? Scalar
        : Gen.Frequency(
            (6, Scalar),
            (1, value.Array[0, 3].Select(items => "[" + string.Join(",", items) + "]")),
            (2, Gen.Select(Gen.OneOf(Gen.Const("jkt"), Gen.Const("x")), value).Array[0, 3]
                .Select(members => "{" + string.Join(",", members.Select(m => "\"" + m.Item1 + "\":" + m.Item2)) + "}"))));

    private static readonly Gen<string> Name = Gen.OneOf(
        Gen.Const("exp"), Gen.Const("nbf"), Gen.Const("iat"), Gen.Const("sub"), Gen.Const("cnf"), Gen.Const("crit"),
        Gen.Const("aud"), Gen.Const("alg"), Gen.Const("ex"), Gen.Const("expx"));

    private static readonly Gen<string> Whitespace = Gen.OneOf(Gen.Const(""), Gen.Const(" "), Gen.Const("\n"), Gen.Const("\t "));

    /// <summary>An object, its members separated by random whitespace, then perhaps damaged.</summary>
    private static readonly Gen<string> Segment = Gen.Select(Gen.Select(Name, Value, Whitespace).Array[0, 5], Whitespace, Damage())
        .Select((members, space, damage) => damage("{" + space + string.Join("," + space, members.Select(m => "\"" + m.Item1 + "\"" + m.Item3 + ":" + m.Item2)) + space + "}"));

    [Fact]
    public void The_shape_pass_agrees_with_a_full_json_parse()
    {
        Gen.Select(Segment, Segment).Sample((header, payload) =>
        {
            var token = Encode(header) + "." + Encode(payload) + ".c2ln";
            var error = PayloadInspector.Inspect(token, out var confirmation, out var thumbprint);
            var expected = Oracle(header, payload, out var expectedConfirmation, out var expectedThumbprint);
            if (expected is null)
            {
                // Not JSON objects: refused, whichever problem the single pass met first.
                Assert.NotEqual(TokenShapeError.None, error);
                return;
            }

            Assert.Equal(expected, error);
            if (error == TokenShapeError.None)
            {
                Assert.Equal((expectedConfirmation, expectedThumbprint), (confirmation, thumbprint));
            }
        }, iter: 20_000);
    }

    /// <summary>
    /// What the shape pass must answer, from a full parse: null when a segment is not one JSON object (nothing but
    /// whitespace after it); otherwise a <c>crit</c> header, then the first registered claim of the wrong JSON type in
    /// document order; with a valid token, whether it has <c>cnf</c> and the last <c>cnf.jkt</c> string.
    /// </summary>
    private static TokenShapeError? Oracle(string header, string payload, out bool confirmation, out string? thumbprint)
    {
        confirmation = false;
        thumbprint = null;
        if (!TryParseObject(header, out var h) || !TryParseObject(payload, out var p))
        {
            return null;
        }

        using (h)
        using (p)
        {
            if (h.RootElement.EnumerateObject().Any(m => m.Name == "crit"))
            {
                return TokenShapeError.Critical;
            }

            foreach (var member in p.RootElement.EnumerateObject())
            {
                var (error, expected) = member.Name switch
                {
                    "exp" => (TokenShapeError.ExpiresNotNumber, JsonValueKind.Number),
                    "nbf" => (TokenShapeError.NotBeforeNotNumber, JsonValueKind.Number),
                    "iat" => (TokenShapeError.IssuedAtNotNumber, JsonValueKind.Number),
                    "sub" => (TokenShapeError.SubjectNotString, JsonValueKind.String),
                    _ => (TokenShapeError.None, JsonValueKind.Undefined),
                };
                if (error != TokenShapeError.None && member.Value.ValueKind != expected)
                {
                    return error;
                }

                if (member.Name == "cnf")
                {
                    confirmation = true;
                    if (member.Value.ValueKind == JsonValueKind.Object)
                    {
                        string? jkt = null;
                        foreach (var inner in member.Value.EnumerateObject())
                        {
                            if (inner.Name == "jkt" && inner.Value.ValueKind == JsonValueKind.String)
                            {
                                jkt = inner.Value.GetString();
                            }
                        }

                        thumbprint = jkt ?? thumbprint;
                    }
                }
            }

            return TokenShapeError.None;
        }
    }

    private static bool TryParseObject(string json, out JsonDocument document)
    {
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            document = null!;
            return false;
        }

        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        document.Dispose();
        return false;
    }

    /// <summary>Usually nothing; sometimes bytes after the object, or the text cut short.</summary>
    private static Gen<Func<string, string>> Damage() => Gen.Frequency(
        (8, Gen.Const<Func<string, string>>(json => json)),
        (1, Gen.OneOf(Gen.Const("x"), Gen.Const("}"), Gen.Const(" "), Gen.Const("{}"), Gen.Const("\n"), Gen.Const(",")).Select<string, Func<string, string>>(tail => json => json + tail)),
        (1, Gen.Int[0, 100].Select<int, Func<string, string>>(cut => json => json[..Math.Min(cut, json.Length)])));

    private static string Encode(string json) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
