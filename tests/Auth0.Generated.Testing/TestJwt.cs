namespace Auth0.Generated.Testing;

/// <summary>
/// What <see cref="TestToken"/> and <see cref="TestDPoPProof"/> share: a JWT header and payload a test sets freely (any
/// JSON value, or a member left out), written in insertion order by <see cref="TestJson"/>.
/// </summary>
/// <typeparam name="TSelf">The builder, returned by every setter.</typeparam>
public abstract class TestJwt<TSelf>
    where TSelf : TestJwt<TSelf>
{
    private protected readonly Dictionary<string, object?> _header = new(StringComparer.Ordinal);
    private protected readonly Dictionary<string, object?> _payload = new(StringComparer.Ordinal);

    private protected TestJwt()
    {
    }

    /// <summary>Sets (null: writes JSON null) a payload claim: string, bool, long, int, double, string[], a nested dictionary, or null.</summary>
    public TSelf With(string claim, object? value)
    {
        _payload[claim] = value;
        return (TSelf)this;
    }

    /// <summary>Removes a payload claim.</summary>
    public TSelf Without(string claim)
    {
        _payload.Remove(claim);
        return (TSelf)this;
    }

    /// <summary>Sets a header parameter (null removes it).</summary>
    public TSelf Header(string name, object? value)
    {
        if (value is null)
        {
            _header.Remove(name);
        }
        else
        {
            _header[name] = value;
        }

        return (TSelf)this;
    }

    /// <summary>The compact serialization.</summary>
    public abstract string Build();

    /// <inheritdoc />
    public override string ToString() => Build();
}
