using System.IO.Pipelines;
using System.Net.WebSockets;

namespace Halyard.PaperExchange.Hosting;

/// <summary>
/// The in-process <c>/ws</c> transport: two pipes crossed into a pair of streams, each wrapped by
/// <see cref="WebSocket.CreateFromStream(Stream, WebSocketCreationOptions)"/>. Both ends speak real RFC 6455
/// frames through the same <see cref="WebSocket"/> class a <see cref="ClientWebSocket"/> is, so the client
/// code is the one used against the venue; there is no port, no socket and no wall-clock timer, which is
/// what a replay on a virtual clock needs (and why it is preferred over a loopback socket there).
/// </summary>
internal static class InProcessWebSocket
{
    /// <summary>
    /// A reader waiting for bytes continues on the writer's thread when they are flushed (no thread-pool hop per frame).
    /// No lock is held while either end writes: the server's frames leave its outbox from their own send loop.
    /// </summary>
    private static readonly PipeOptions Options = new(readerScheduler: PipeScheduler.Inline, writerScheduler: PipeScheduler.Inline, useSynchronizationContext: false);

    public static (WebSocket Client, WebSocket Server) CreatePair()
    {
        var toServer = new Pipe(Options);
        var toClient = new Pipe(Options);
        var client = WebSocket.CreateFromStream(
            new DuplexPipeStream(toClient.Reader, toServer.Writer),
            new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = TimeSpan.Zero });
        var server = WebSocket.CreateFromStream(
            new DuplexPipeStream(toServer.Reader, toClient.Writer),
            new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
        return (client, server);
    }

    /// <summary>One end: reads from one pipe, writes to the other; disposing it ends both directions (the peer reads end-of-stream).</summary>
    private sealed class DuplexPipeStream(PipeReader reader, PipeWriter writer) : Stream
    {
        private readonly Stream _read = reader.AsStream();
        private readonly Stream _write = writer.AsStream();

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _read.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _read.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            _read.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Write(byte[] buffer, int offset, int count) => _write.Write(buffer, offset, count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => _write.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            _write.WriteAsync(buffer, offset, count, cancellationToken);

        public override void Flush() => _write.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => _write.FlushAsync(cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                reader.Complete();
                writer.Complete();
                reader.CancelPendingRead();
            }

            base.Dispose(disposing);
        }
    }
}
