// Linked source (src/Shared/Roslyn, generator and analyzers): reads a scope catalog file in the shape Auth0 exports an
// API's permissions, either a bare array or a resource server object with a "scopes" array:
//   [{"value": "read:messages", "description": "Read messages"}]
//   {"identifier": "https://api", "scopes": [{"value": "read:messages", "description": "..."}]}
// A small hand-written reader, because analyzers must not depend on System.Text.Json (not every host loads it).
using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Auth0.Generated.Shared
{
    /// <summary>One scope of a catalog file, with the 1-based line where its value stands.</summary>
    internal readonly struct CatalogScope(string value, string? description, int line)
    {
        public string Value { get; } = value;

        public string? Description { get; } = description;

        public int Line { get; } = line;
    }

    internal static class ScopeCatalogFile
    {
        /// <summary>Whether an additional file path names a scope catalog (its name ends with <c>auth0-scopes.json</c>).</summary>
        public static bool IsCatalogPath(string path)
            => path.EndsWith(WellKnownNames.ScopeCatalogFileSuffix, System.StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// Parses catalog text. Returns false with <paramref name="error"/> (and its 1-based line) when the text is not
        /// JSON of the expected shape; entries without a string <c>value</c> are errors too.
        /// </summary>
        public static bool TryParse(string text, out ImmutableArray<CatalogScope> scopes, out string? error, out int errorLine)
        {
            var reader = new Reader(text);
            var builder = ImmutableArray.CreateBuilder<CatalogScope>();
            try
            {
                reader.SkipWhitespace();
                if (reader.Peek() == '{')
                {
                    var found = false;
                    reader.ReadObject((name, r) =>
                    {
                        if (name == "scopes")
                        {
                            found = true;
                            ReadScopeArray(r, builder);
                        }
                        else
                        {
                            r.SkipValue();
                        }
                    });
                    if (!found)
                    {
                        throw reader.Fail("expected a \"scopes\" array");
                    }
                }
                else
                {
                    ReadScopeArray(reader, builder);
                }

                reader.SkipWhitespace();
                if (!reader.AtEnd)
                {
                    throw reader.Fail("unexpected text after the catalog");
                }
            }
            catch (CatalogFormatException e)
            {
                scopes = ImmutableArray<CatalogScope>.Empty;
                error = e.Message;
                errorLine = e.Line;
                return false;
            }

            scopes = builder.ToImmutable();
            error = null;
            errorLine = 0;
            return true;
        }

        private static void ReadScopeArray(Reader reader, ImmutableArray<CatalogScope>.Builder builder)
        {
            reader.ReadArray(r =>
            {
                string? value = null;
                string? description = null;
                var line = r.Line;
                r.SkipWhitespace();
                if (r.Peek() != '{')
                {
                    throw r.Fail("expected an object {\"value\": \"...\", \"description\": \"...\"}");
                }

                r.ReadObject((name, o) =>
                {
                    if (name == "value")
                    {
                        o.SkipWhitespace();
                        line = o.Line;
                        value = o.ReadString();
                    }
                    else if (name == "description" && o.PeekNonWhitespace() == '"')
                    {
                        description = o.ReadString();
                    }
                    else
                    {
                        o.SkipValue();
                    }
                });
                if (value is null)
                {
                    throw r.Fail("a scope entry has no string \"value\"");
                }

                builder.Add(new CatalogScope(value, description, line));
            });
        }

        private sealed class CatalogFormatException : System.Exception
        {
            public CatalogFormatException(string message, int line) : base(message) => Line = line;

            public int Line { get; }
        }

        private sealed class Reader
        {
            private const int MaxDepth = 64;
            private readonly string _text;
            private int _position;
            private int _depth;

            public Reader(string text)
            {
                _text = text;
                Line = 1;
            }

            public int Line { get; private set; }

            public bool AtEnd => _position >= _text.Length;

            public char Peek() => AtEnd ? '\0' : _text[_position];

            public char PeekNonWhitespace()
            {
                SkipWhitespace();
                return Peek();
            }

            public CatalogFormatException Fail(string message)
                => new CatalogFormatException(string.Format(CultureInfo.InvariantCulture, "line {0}: {1}", Line, message), Line);

            public void SkipWhitespace()
            {
                while (!AtEnd)
                {
                    var c = _text[_position];
                    if (c == '\n')
                    {
                        Line++;
                    }
                    else if (c != ' ' && c != '\t' && c != '\r' && c != '\uFEFF')
                    {
                        return;
                    }

                    _position++;
                }
            }

            private void Expect(char c)
            {
                SkipWhitespace();
                if (Peek() != c)
                {
                    throw Fail(AtEnd ? "unexpected end of file, expected '" + c + "'" : "expected '" + c + "' but found '" + Peek() + "'");
                }

                _position++;
            }

            public void ReadArray(System.Action<Reader> element) => ReadItems('[', ']', () => element(this));

            public void ReadObject(System.Action<string, Reader> property)
                => ReadItems('{', '}', () =>
                {
                    SkipWhitespace();
                    var name = ReadString();
                    Expect(':');
                    property(name, this);
                });

            /// <summary>The comma-separated items between <paramref name="open"/> and <paramref name="close"/>, each read by <paramref name="item"/>.</summary>
            private void ReadItems(char open, char close, System.Action item)
            {
                Enter();
                Expect(open);
                if (PeekNonWhitespace() == close)
                {
                    _position++;
                    Leave();
                    return;
                }

                while (true)
                {
                    item();
                    SkipWhitespace();
                    if (Peek() == ',')
                    {
                        _position++;
                        continue;
                    }

                    Expect(close);
                    Leave();
                    return;
                }
            }

            public string ReadString()
            {
                Expect('"');
                var builder = new StringBuilder();
                while (true)
                {
                    if (AtEnd)
                    {
                        throw Fail("unterminated string");
                    }

                    var c = _text[_position++];
                    if (c == '"')
                    {
                        return builder.ToString();
                    }

                    if (c == '\n' || c < ' ')
                    {
                        throw Fail("control character in a string");
                    }

                    if (c != '\\')
                    {
                        builder.Append(c);
                        continue;
                    }

                    if (AtEnd)
                    {
                        throw Fail("unterminated string");
                    }

                    var escape = _text[_position++];
                    switch (escape)
                    {
                        case '"': builder.Append('"'); break;
                        case '\\': builder.Append('\\'); break;
                        case '/': builder.Append('/'); break;
                        case 'b': builder.Append('\b'); break;
                        case 'f': builder.Append('\f'); break;
                        case 'n': builder.Append('\n'); break;
                        case 'r': builder.Append('\r'); break;
                        case 't': builder.Append('\t'); break;
                        case 'u':
                            if (_position + 4 > _text.Length
                                || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                            {
                                throw Fail("bad \\u escape");
                            }

                            builder.Append((char)code);
                            _position += 4;
                            break;
                        default:
                            throw Fail("bad escape '\\" + escape + "'");
                    }
                }
            }

            public void SkipValue()
            {
                switch (PeekNonWhitespace())
                {
                    case '"':
                        ReadString();
                        return;
                    case '[':
                        ReadArray(r => r.SkipValue());
                        return;
                    case '{':
                        ReadObject((_, r) => r.SkipValue());
                        return;
                }

                var start = _position;
                while (!AtEnd && "-+.0123456789eEtruefalsn".IndexOf(_text[_position]) >= 0)
                {
                    _position++;
                }

                var literal = _text.Substring(start, _position - start);
                if (literal.Length == 0
                    || (literal != "true" && literal != "false" && literal != "null"
                        && !double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
                {
                    throw Fail(AtEnd ? "unexpected end of file" : "unexpected '" + Peek() + "'");
                }
            }

            private void Enter()
            {
                if (++_depth > MaxDepth)
                {
                    throw Fail("nesting is too deep");
                }
            }

            private void Leave() => _depth--;
        }
    }
}
