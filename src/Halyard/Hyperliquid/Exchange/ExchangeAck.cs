namespace Halyard.Hyperliquid.Exchange;

/// <summary><c>{"status":"ok","response":{"type":"default"}}</c>: the venue accepted the action.</summary>
public sealed record ExchangeAck(string ResponseType);
