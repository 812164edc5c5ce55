namespace Halyard.Hyperliquid.RateLimit;

/// <summary>What a request does when the client-side weight budget has no room for it.</summary>
public enum WeightBudgetMode
{
    /// <summary>Delay the request (on the injected clock) until the rolling window has room, up to <see cref="WeightBudgetOptions.MaxWait"/>.</summary>
    Wait,

    /// <summary>Refuse at once with a <c>RateLimited</c> error carrying the time until there is room.</summary>
    Fail,
}

/// <summary>
/// The client-side request-weight budget (protocol §6.1: 1200 weight per rolling minute per IP, shared
/// by <c>/info</c> and <c>/exchange</c>). One budget per <see cref="Http.HyperliquidHttp"/> instance
/// unless one is shared explicitly.
/// </summary>
public sealed record WeightBudgetOptions
{
    /// <summary>The venue's documented IP budget.</summary>
    public const int VenueCapacityPerMinute = 1200;

    /// <summary>Weight allowed inside one rolling <see cref="Window"/>.</summary>
    public int Capacity { get; init; } = VenueCapacityPerMinute;

    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);

    public WeightBudgetMode Mode { get; init; } = WeightBudgetMode.Wait;

    /// <summary>In <see cref="WeightBudgetMode.Wait"/>: a request that would wait longer fails instead.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Throws when the options cannot work (a configuration bug).</summary>
    public void Validate()
    {
        if (Capacity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Capacity), Capacity, "The weight capacity must be positive.");
        }

        if (Window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Window), Window, "The window must be positive.");
        }

        if (MaxWait < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxWait), MaxWait, "MaxWait cannot be negative.");
        }

        if (!Enum.IsDefined(Mode))
        {
            throw new ArgumentOutOfRangeException(nameof(Mode), Mode, "Unknown budget mode.");
        }
    }
}
