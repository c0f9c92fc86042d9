using System.Globalization;
using System.Text;
using Auth0.Generated.DPoP;
using CsCheck;

namespace Auth0.Generated.Runtime.Tests.DPoP;

/// <summary>
/// The <c>htu</c> comparison (RFC 9449 section 4.3: the request URI without query and fragment, compared after RFC 3986
/// syntax- and scheme-based normalisation) on random URLs (CsCheck: a failure is shrunk and printed with its seed): every
/// spelling of one URL normalises alike (scheme and host case, an explicit default port, unreserved characters, dots
/// included, percent-encoded with either hex case, dot segments, a query or fragment), and a URL that differs in one path character, the port or
/// the host never does.
/// </summary>
public class HtuPropertyTests
{
    private const string Unreserved = "abcXYZ019-._~";
    private const string SubDelimiters = "!$&'()*+,;=:@";

    /// <summary>A URL in parts: https or http, a host of letter-led labels, a port (0: the default) and path segments.</summary>
    private static readonly Gen<(bool Https, string Host, int Port, string[] Segments)> Url = Gen.Select(
        Gen.Bool,
        Gen.Select(Gen.Char['a', 'z'], Gen.Char["abcxyz0189-"].Array[0, 5])
            .Select((first, rest) => first + new string(rest).TrimEnd('-'))
            .Array[1, 3].Select(labels => string.Join('.', labels)),
        Gen.Frequency((1, Gen.Const(0)), (1, Gen.Int[1, 65535])),
        Gen.Char[Unreserved + SubDelimiters].Array[1, 5].Select(chars => new string(chars)).Array[0, 3]);

    /// <summary>Random choices for one spelling: case of scheme and host, the default port written out, encodings.</summary>
    private static readonly Gen<uint[]> Spelling = Gen.UInt.Array[64];

    [Fact]
    public void Every_spelling_of_a_url_normalises_alike()
    {
        Gen.Select(Url, Spelling, Spelling).Sample((url, first, second) =>
        {
            var a = Spell(url, first);
            var b = Spell(url, second);
            Assert.True(DPoPProofValidator.TryNormalize(a, out var normalizedA), a);
            Assert.True(DPoPProofValidator.TryNormalize(b, out var normalizedB), b);
            Assert.True(normalizedA == normalizedB, $"{a} -> {normalizedA} but {b} -> {normalizedB}");
        }, iter: 20_000);
    }

    [Fact]
    public void A_url_that_differs_in_a_path_character_the_port_or_the_host_never_normalises_alike()
    {
        Gen.Select(Url, Gen.Int[0, 1000], Spelling, Spelling).Sample((url, change, first, second) =>
        {
            var other = Change(url, change);
            if (other is null)
            {
                return;
            }

            var a = Spell(url, first);
            var b = Spell(other.Value, second);
            Assert.True(DPoPProofValidator.TryNormalize(a, out var normalizedA), a);
            Assert.True(DPoPProofValidator.TryNormalize(b, out var normalizedB), b);
            Assert.True(normalizedA != normalizedB, $"{a} and {b} both normalise to {normalizedA}");
        }, iter: 20_000);
    }

    /// <summary>
    /// One difference: a path character replaced by another unreserved one, another port, or another host. Not for paths
    /// with a <c>.</c> or <c>..</c> segment, which removes segments (RFC 3986 5.2.4): a change there may be no difference.
    /// </summary>
    private static (bool Https, string Host, int Port, string[] Segments)? Change((bool Https, string Host, int Port, string[] Segments) url, int change)
    {
        var (https, host, port, segments) = url;
        if (segments.Any(IsDotSegment))
        {
            return null;
        }

        switch (change % 3)
        {
            case 0 when segments.Length > 0:
                var s = change % segments.Length;
                var i = change % segments[s].Length;
                var replacement = Unreserved[change % Unreserved.Length];
                if (replacement == segments[s][i])
                {
                    return null;
                }

                var changed = (string[])segments.Clone();
                changed[s] = segments[s][..i] + replacement + segments[s][(i + 1)..];
                return IsDotSegment(changed[s]) ? null : (https, host, port, changed);
            case 1:
                var otherPort = port == 0 ? 8443 : (port % 65535) + 1;
                return otherPort == (https ? 443 : 80) ? null : (https, host, otherPort, segments);
            case 2:
                return (https, "x" + host, port, segments);
            default:
                return null;
        }
    }

    private static bool IsDotSegment(string segment) => segment is "." or "..";

    private static string Spell((bool Https, string Host, int Port, string[] Segments) url, uint[] choices)
    {
        var next = 0;
        bool Choose() => (choices[next++ % choices.Length] & 1) == 1;
        string Case(string text) => new([.. text.Select(c => Choose() ? char.ToUpperInvariant(c) : c)]);

        var builder = new StringBuilder();
        builder.Append(Case(url.Https ? "https" : "http")).Append("://").Append(Case(url.Host));
        var defaultPort = url.Https ? 443 : 80;
        if (url.Port != 0 && url.Port != defaultPort)
        {
            builder.Append(':').Append(url.Port.ToString(CultureInfo.InvariantCulture));
        }
        else if (Choose())
        {
            builder.Append(':').Append(defaultPort.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var segment in url.Segments)
        {
            builder.Append('/');
            foreach (var c in segment)
            {
                // Unreserved characters may be percent-encoded (RFC 3986 2.3: equivalent); other characters are written as they are.
                if (Unreserved.Contains(c, StringComparison.Ordinal) && Choose())
                {
                    var hex = ((int)c).ToString("X2", CultureInfo.InvariantCulture);
                    builder.Append('%').Append(Choose() ? hex : hex.ToLowerInvariant());
                }
                else
                {
                    builder.Append(c);
                }
            }
        }

        if (url.Segments.Length == 0 && Choose())
        {
            builder.Append('/');
        }

        if (Choose())
        {
            builder.Append(Choose() ? "?page=1" : "#top");
        }

        return builder.ToString();
    }
}
