namespace Halyard.Execution;

/// <summary>How an entry order is placed.</summary>
public enum EntryMode
{
    /// <summary>Immediate-or-cancel at a protective limit (mid ± <c>slippage_bps</c>).</summary>
    Ioc,

    /// <summary>A protective good-till-cancel limit, cancelled after <c>gtc_timeout</c>.</summary>
    Gtc,
}

/// <summary>What to do with a position the trader did not open.</summary>
public enum ExternalPositionPolicy
{
    /// <summary>Surface it, never touch it.</summary>
    Leave,

    /// <summary>Take it over: protect it and let the trader manage it.</summary>
    Adopt,
}

/// <summary>Margin mode for new positions (isolated is forced for isolated-only assets).</summary>
public enum MarginMode
{
    Cross,
    Isolated,
}
