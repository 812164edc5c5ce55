namespace Halyard.Sweeps.Endpoints;

/// <summary>
/// The limits of one LLM endpoint (a <c>base_url</c>, or a provider's public endpoint such as <c>openai</c> or
/// <c>anthropic</c>), shared by every job of a sweep: at most <see cref="MaxConcurrency"/> calls in flight and
/// at most <see cref="RequestsPerMinute"/> started in any minute. On a cluster they hold across all silos.
/// </summary>
public sealed record EndpointLimit(string Endpoint, int MaxConcurrency, int? RequestsPerMinute);
