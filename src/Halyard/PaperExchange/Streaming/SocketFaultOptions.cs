namespace Halyard.PaperExchange.Streaming;

/// <summary>
/// <c>paper_exchange.faults.socket</c>: what the simulated network does to <c>/ws</c>. Probabilities are per
/// pushed data message (acks and pongs are never dropped, so a client can still tell a live socket), drawn
/// from <c>new Random(seed + session number)</c>, so a sequential run sees the same faults.
/// </summary>
/// <param name="Drop"><c>drop</c>: the message is lost.</param>
/// <param name="Disconnect"><c>disconnect</c>: the connection is aborted instead of sending the message.</param>
/// <param name="Silence"><c>silence</c>: from this message on the connection stays open but sends nothing and answers no ping.</param>
/// <param name="Delay"><c>delay</c> (duration): every data message is held this long (wall clock of the host).</param>
public sealed record SocketFaultOptions(double Drop = 0, double Disconnect = 0, double Silence = 0, TimeSpan Delay = default)
{
    public bool Any => Drop + Disconnect + Silence > 0 || Delay > TimeSpan.Zero;

    public IEnumerable<string> Validate()
    {
        foreach (var (name, p) in new[] { ("drop", Drop), ("disconnect", Disconnect), ("silence", Silence) })
        {
            if (p is < 0 or > 1 || double.IsNaN(p))
            {
                yield return $"faults.socket.{name} must be between 0 and 1.";
            }
        }

        if (Drop + Disconnect + Silence > 1)
        {
            yield return "faults.socket: drop + disconnect + silence must not exceed 1.";
        }

        if (Delay < TimeSpan.Zero)
        {
            yield return "faults.socket.delay must not be negative.";
        }
    }
}

/// <summary>What the socket faults did so far (tests and the run summary read it).</summary>
public sealed record SocketFaultCounts(long Sessions, long Pushed, long Dropped, long Disconnects, long Silences);
