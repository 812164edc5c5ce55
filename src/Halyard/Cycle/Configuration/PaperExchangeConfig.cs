using Halyard.Domain;

namespace Halyard.Cycle.Configuration;

/// <summary><c>paper_exchange</c>: the simulator's accounts, fees, data and faults.</summary>
public sealed record PaperExchangeConfig
{
    /// <summary>USD credited to the run's own account (<c>exchange.account_address</c>, or the throwaway one).</summary>
    public decimal InitialEquity { get; init; } = 10_000m;

    /// <summary>Further accounts to fund.</summary>
    public IReadOnlyList<PaperFund> Fund { get; init; } = [];

    public PaperFees Fees { get; init; } = new();

    /// <summary>A directory of market data replacing the bundled data; null uses the bundled data.</summary>
    public string? DataDir { get; init; }

    /// <summary>The JSON-lines audit log of <c>/exchange</c> requests; null means the run folder's <c>exchange.jsonl</c>.</summary>
    public string? AuditLog { get; init; }

    public FaultConfig Faults { get; init; } = new();

    /// <summary>
    /// The problems of these options, each naming its key (empty: valid): the initial equity, then the engine's
    /// own checks of the options they map to (fees, funded accounts, faults).
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var p = new OptionProblems();
        p.Require(InitialEquity >= 0m, "initial_equity", InitialEquity, ">= 0");
        p.AddAll(string.Empty, this.ToOptions(null).Validate());
        return p.ToList();
    }
}

/// <summary><c>paper_exchange.fund[i]</c>: an account and its starting USD balance.</summary>
public sealed record PaperFund(string Address, decimal Equity);

/// <summary><c>paper_exchange.fees</c>, in basis points of notional.</summary>
public sealed record PaperFees
{
    public decimal TakerBps { get; init; } = VenueFees.TakerBps;
    public decimal MakerBps { get; init; } = VenueFees.MakerBps;
}

/// <summary>
/// <c>paper_exchange.faults</c>: deterministic fault injection under <see cref="Seed"/>. The top-level rates
/// apply to each <c>/exchange</c> request, <see cref="Info"/> to each <c>/info</c> request; the outage window
/// applies to both.
/// </summary>
public sealed record FaultConfig
{
    public int Seed { get; init; } = 1;

    public FaultRates Exchange { get; init; } = new();

    public FaultRates Info { get; init; } = new();

    /// <summary>The <c>Retry-After</c> sent with a simulated 429.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The venue goes down this long after the start (virtual time); null: never.</summary>
    public TimeSpan? DownAfter { get; init; }

    /// <summary>How long an outage lasts.</summary>
    public TimeSpan DownFor { get; init; } = TimeSpan.Zero;

    /// <summary><c>faults.socket</c>: what happens to the <c>/ws</c> pushes.</summary>
    public SocketFaultConfig Socket { get; init; } = new();

    public bool Any => Exchange.Any || Info.Any || DownAfter is not null || Socket.Any;
}

/// <summary>
/// <c>paper_exchange.faults.socket</c>: per pushed data message (acks and pongs are never dropped), the chance it is
/// lost, that the connection is aborted instead, or that the connection goes silent from then on (probabilities 0–1,
/// summing to ≤ 1); and a delay held on every data message.
/// </summary>
public sealed record SocketFaultConfig
{
    public decimal Drop { get; init; }
    public decimal Disconnect { get; init; }
    public decimal Silence { get; init; }
    public TimeSpan Delay { get; init; } = TimeSpan.Zero;

    public bool Any => Drop + Disconnect + Silence > 0m || Delay > TimeSpan.Zero;
}

/// <summary>Per-request fault probabilities (0–1, at most one fault per request, so they sum to ≤ 1) and added latency.</summary>
public sealed record FaultRates
{
    public decimal Http5xx { get; init; }
    public decimal RateLimited { get; init; }
    public decimal Timeout { get; init; }
    public decimal ResponseLost { get; init; }
    public decimal Malformed { get; init; }
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    public decimal Total => Http5xx + RateLimited + Timeout + ResponseLost + Malformed;

    public bool Any => Total > 0m || Latency > TimeSpan.Zero;
}
