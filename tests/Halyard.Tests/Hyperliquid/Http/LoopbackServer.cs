using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Halyard.Tests.Hyperliquid.Http;

/// <summary>
/// A raw TCP server on 127.0.0.1 (port 0) that speaks just enough HTTP/1.1 to misbehave on purpose:
/// answer, never answer, reset the connection, or cut a response short.
/// </summary>
internal sealed class LoopbackServer : IDisposable
{
    /// <summary>A hang guard for the test's own waits, never an assertion.</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public LoopbackServer() => _listener.Start();

    public Uri Url => new("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A URL on which nothing listens (a port that was just released).</summary>
    public static Uri ClosedPortUrl()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri("http://127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Accepts one connection and reads one complete request (headers and Content-Length body).</summary>
    public async Task<(Socket Socket, string Request)> AcceptRequestAsync()
    {
        var socket = await _listener.AcceptSocketAsync().WaitAsync(Guard);
        var received = new List<byte>();
        var buffer = new byte[4096];
        while (true)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory()).AsTask().WaitAsync(Guard);
            if (n == 0)
            {
                break;
            }

            received.AddRange(buffer.AsSpan(0, n));
            var text = Encoding.ASCII.GetString(received.ToArray());
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0 && received.Count - (end + 4) >= ContentLength(text[..end]))
            {
                break;
            }
        }

        return (socket, Encoding.UTF8.GetString(received.ToArray()));
    }

    public static Task SendAsync(Socket socket, string raw) => socket.SendAsync(Encoding.UTF8.GetBytes(raw)).WaitAsync(Guard);

    /// <summary>Closes with a TCP RST instead of a FIN.</summary>
    public static void Reset(Socket socket)
    {
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }

    public static string Response(int status, string reason, string body, string extraHeaders = "", int? contentLength = null) =>
        $"HTTP/1.1 {status.ToString(System.Globalization.CultureInfo.InvariantCulture)} {reason}\r\nContent-Type: application/json\r\n{extraHeaders}" +
        $"Content-Length: {(contentLength ?? Encoding.UTF8.GetByteCount(body)).ToString(System.Globalization.CultureInfo.InvariantCulture)}\r\nConnection: close\r\n\r\n{body}";

    public void Dispose() => _listener.Stop();

    private static int ContentLength(string headers)
    {
        foreach (var line in headers.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                return int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
