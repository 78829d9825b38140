using System.Globalization;

namespace RagAnything.Resilience;

/// <summary>
/// Reads the wait a server asked for (its <c>Retry-After</c> header) from an exception.
/// </summary>
public static class RetryAfterHint
{
    /// <summary>
    /// The <see cref="Exception.Data"/> key under which an exception may carry the hint: a <see cref="TimeSpan"/>, a
    /// number of seconds (integer, double or string) or a <see cref="DateTimeOffset"/> to wait until.
    /// </summary>
    public const string DataKey = "Retry-After";

    // A server asking for more than this is treated as asking for this, so one bad header cannot stall ingestion for hours.
    private static readonly TimeSpan MaxHint = TimeSpan.FromMinutes(5);

    /// <summary>Returns the wait in <paramref name="exception"/> or its inner exceptions, if one is given and positive.</summary>
    /// <param name="exception">The failure.</param>
    /// <param name="now">The current time, for hints given as a date.</param>
    /// <param name="retryAfter">The wait, at most five minutes.</param>
    public static bool TryGet(Exception? exception, DateTimeOffset now, out TimeSpan retryAfter)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var hint = current is RateLimitedException { RetryAfter: { } given } ? given : FromData(current.Data[DataKey], now);
            if (hint is { } wait && wait > TimeSpan.Zero)
            {
                retryAfter = wait < MaxHint ? wait : MaxHint;
                return true;
            }
        }

        retryAfter = default;
        return false;
    }

    private static TimeSpan? FromData(object? value, DateTimeOffset now) => value switch
    {
        TimeSpan wait => wait,
        int seconds => TimeSpan.FromSeconds(seconds),
        long seconds => TimeSpan.FromSeconds(seconds),
        double seconds => TimeSpan.FromSeconds(seconds),
        DateTimeOffset until => until - now,
        string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) => TimeSpan.FromSeconds(seconds),
        string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var until) => until - now,
        _ => null,
    };
}
