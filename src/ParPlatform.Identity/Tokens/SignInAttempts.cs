using System.Collections.Concurrent;

namespace ParPlatform.Identity.Tokens;

/// <summary>
/// How often one account may be tried: at most <see cref="PerMinute"/> sign-ins in any minute on one user name (as
/// typed, whether or not it exists, so the answer tells nothing), counted before any password is hashed; beyond that,
/// refused at once. In memory, per instance of the service; the gateway limits each client address likewise.
/// </summary>
public sealed class SignInAttempts(TimeProvider clock)
{
    public const int PerMinute = 10;

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Names beyond which those not tried in the last minute are forgotten, once a minute at most (a flood of made-up names stays bounded, and no attempt pays for a sweep every time).</summary>
    private const int SweepAbove = 10_000;

    /// <summary>Per name, the instants of its accepted attempts in the last minute, oldest first.</summary>
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _attempts = new(StringComparer.Ordinal);

    private long _lastSweepTicks;

    /// <summary>Counts an attempt on <paramref name="userName"/>; false, not counting it, when the last minute had its limit already.</summary>
    public bool TryAttempt(string userName)
    {
        var now = clock.GetUtcNow();
        var recent = _attempts.GetOrAdd(userName, _ => new Queue<DateTimeOffset>());
        bool allowed;
        lock (recent)
        {
            while (recent.TryPeek(out var oldest) && oldest <= now - Window)
                recent.Dequeue();
            allowed = recent.Count < PerMinute;
            if (allowed)
                recent.Enqueue(now);
        }
        var lastSweep = Interlocked.Read(ref _lastSweepTicks);
        if (_attempts.Count > SweepAbove && now.UtcTicks - lastSweep >= Window.Ticks
            && Interlocked.CompareExchange(ref _lastSweepTicks, now.UtcTicks, lastSweep) == lastSweep)
        {
            foreach (var (name, instants) in _attempts)
            {
                lock (instants)
                {
                    if (instants.Count == 0 || instants.Last() <= now - Window)
                        _attempts.TryRemove(name, out _);
                }
            }
        }
        return allowed;
    }
}
