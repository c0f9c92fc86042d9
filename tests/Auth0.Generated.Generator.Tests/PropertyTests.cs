using System.Globalization;
using System.Text;
using Auth0.Generated.Shared;
using CsCheck;

namespace Auth0.Generated.Generator.Tests;

/// <summary>
/// Properties over random inputs (CsCheck: a failure is shrunk to the smallest input that still fails and printed with
/// its seed). The inputs favour the characters that matter: the key format's escape character and separator and the
/// letters of its escapes, C# literal delimiters, braces, tabs and carriage returns, non-ASCII text, a surrogate pair
/// and a lone surrogate.
/// </summary>
public class PropertyTests
{
    private static readonly Gen<string> Text = Gen.Char["\\\n0nab\"'{}\t\ré中\uD83D\uDE00\uD800 "].Array[0, 6].Select(chars => new string(chars));

    /// <summary>
    /// A requirement key decodes back to exactly its kind and arguments, so two different requirements never share a key
    /// and a check registered for one is never taken for another (the generator's checks are looked up by key).
    /// </summary>
    [Fact]
    public void Every_key_decodes_to_its_kind_and_arguments()
    {
        Gen.Select(Gen.Enum<RequirementKind>(), Text.Null(0.2).Array[0, 4]).Sample((kind, parts) =>
        {
            var (decodedKind, decodedParts) = Decode(RequirementKeyFormat.Build(kind, parts));
            Assert.Equal(kind, decodedKind);
            Assert.Equal(parts, decodedParts);
        }, iter: 20_000);
    }

    /// <summary>
    /// For any claim name and any value the attributes accept, the generated code compiles (the harness fails on any
    /// warning or error in the output and checks that a rerun is cached) and registers its checks under the keys the
    /// runtime computes from the same attributes.
    /// </summary>
    [Fact]
    public void Generated_checks_compile_and_register_the_runtime_keys_for_any_claim_and_value()
    {
        var claim = Text.Where(c => c.Length > 0);
        var element = Text.Where(v => !string.IsNullOrWhiteSpace(v));
        var value = Gen.OneOf(
            Text.Select(v => (object)v),
            Gen.Bool.Select(v => (object)v),
            Gen.Long.Select(v => (object)v),
            Gen.Double.Select(v => (object)(double.IsNaN(v) ? double.NaN : v)));
        Gen.Select(claim, value, element.Array[1, 3]).Sample((name, equals, includes) =>
        {
            var source = $$"""
                using Auth0.Generated;

                namespace App;

                public static class Endpoints
                {
                    [ClaimEquals({{Literal(name)}}, {{Literal(equals)}})]
                    [ClaimIncludes({{Literal(name)}}, {{string.Join(", ", includes.Select(Literal))}})]
                    [RequireScopes({{string.Join(", ", includes.Select(Literal))}})]
                    public static string Handler() => "ok";
                }
                """;
            var result = GeneratorHarness.Run(source);
            string[] expected =
            [
                RuntimeEquals(name, equals).RequirementKey,
                new ClaimIncludesAttribute(name, includes).RequirementKey,
                new RequireScopesAttribute(includes).RequirementKey,
            ];
            Assert.Equal(expected.Order(StringComparer.Ordinal), GeneratorHarness.RegisteredKeys(result).Order(StringComparer.Ordinal));
        }, iter: 30, threads: 1);
    }

    private static ClaimEqualsAttribute RuntimeEquals(string claim, object value) => value switch
    {
        string text => new ClaimEqualsAttribute(claim, text),
        bool flag => new ClaimEqualsAttribute(claim, flag),
        long integer => new ClaimEqualsAttribute(claim, integer),
        _ => new ClaimEqualsAttribute(claim, (double)value),
    };

    /// <summary>The C# constant expression of <paramref name="value"/>.</summary>
    private static string Literal(object value) => value switch
    {
        string text => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true),
        bool flag => flag ? "true" : "false",
        long.MinValue => "long.MinValue",
        long integer => integer.ToString(CultureInfo.InvariantCulture) + "L",
        double number when double.IsNaN(number) => "double.NaN",
        double.PositiveInfinity => "double.PositiveInfinity",
        double.NegativeInfinity => "double.NegativeInfinity",
        double number => number.ToString("R", CultureInfo.InvariantCulture) + "d",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    /// <summary>The inverse of <see cref="RequirementKeyFormat.Build"/>, written from its documented format.</summary>
    private static (RequirementKind Kind, string?[] Parts) Decode(string key)
    {
        var lines = key.Split('\n');
        var kind = RequirementKinds.All.Single(info => info.KeyPrefix == lines[0]).Kind;
        var parts = new string?[lines.Length - 1];
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i] == "\\0")
            {
                continue; // null
            }

            var text = new StringBuilder();
            for (var j = 0; j < lines[i].Length; j++)
            {
                if (lines[i][j] != '\\')
                {
                    text.Append(lines[i][j]);
                    continue;
                }

                if (++j == lines[i].Length)
                {
                    throw new InvalidOperationException("A key line ends in a lone escape character.");
                }

                text.Append(lines[i][j] switch
                {
                    '\\' => '\\',
                    'n' => '\n',
                    var other => throw new InvalidOperationException($"Unknown escape \\{other} in a key."),
                });
            }

            parts[i - 1] = text.ToString();
        }

        return (kind, parts);
    }
}
