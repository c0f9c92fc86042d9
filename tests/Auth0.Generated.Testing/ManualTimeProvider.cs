namespace Auth0.Generated.Testing;

/// <summary>A clock that moves only when the test says so (for cache durations and cooldowns).</summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private long _ticks;

    /// <summary>Starts at <paramref name="start"/> (default: the real current time).</summary>
    public ManualTimeProvider(DateTimeOffset? start = null) => _ticks = (start ?? DateTimeOffset.UtcNow).UtcTicks;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
