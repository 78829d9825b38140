namespace RagAnything.Hosting;

/// <summary>
/// A token-bucket rate limit per client: per API key when one is sent, else per remote address.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>The default bucket size: a burst of 200 requests.</summary>
    public const int DefaultTokenLimit = 200;

    /// <summary>The default refill: 50 tokens per period.</summary>
    public const int DefaultTokensPerPeriod = 50;

    /// <summary>The default refill period: one second.</summary>
    public static readonly TimeSpan DefaultReplenishmentPeriod = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets whether requests are rate limited. Anonymous paths are never limited.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets how many requests a client may send in a burst.</summary>
    /// <value>The default is <see cref="DefaultTokenLimit"/>.</value>
    public int TokenLimit { get; set; } = DefaultTokenLimit;

    /// <summary>Gets or sets how many tokens return to each client's bucket per <see cref="ReplenishmentPeriod"/>.</summary>
    /// <value>The default is <see cref="DefaultTokensPerPeriod"/>.</value>
    public int TokensPerPeriod { get; set; } = DefaultTokensPerPeriod;

    /// <summary>Gets or sets how often tokens return to the buckets.</summary>
    /// <value>The default is <see cref="DefaultReplenishmentPeriod"/> (one second).</value>
    public TimeSpan ReplenishmentPeriod { get; set; } = DefaultReplenishmentPeriod;
}
