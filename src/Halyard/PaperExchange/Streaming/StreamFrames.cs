using System.Buffers;
using System.Text.Json;

namespace Halyard.PaperExchange.Streaming;

/// <summary>The <c>/ws</c> frames in the venue's shapes: <c>{"channel": name, "data": …}</c>.</summary>
internal static class StreamFrames
{
    public static readonly byte[] Pong = """{"channel":"pong"}"""u8.ToArray();

    public static byte[] Frame(string channel, Action<Utf8JsonWriter> data)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("channel", channel);
            writer.WritePropertyName("data");
            data(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Error(string text) => Frame("error", w => w.WriteStringValue(text));

    /// <summary><c>subscriptionResponse</c> echoing the request's subscription object.</summary>
    public static byte[] Ack(string method, JsonElement subscription) => Frame("subscriptionResponse", w =>
    {
        w.WriteStartObject();
        w.WriteString("method", method);
        w.WritePropertyName("subscription");
        subscription.WriteTo(w);
        w.WriteEndObject();
    });

    /// <summary><c>post</c>: the answer to a post request, <c>type</c> info, action or error.</summary>
    public static byte[] Post(long id, string type, Action<Utf8JsonWriter> payload) => Frame("post", w =>
    {
        w.WriteStartObject();
        w.WriteNumber("id", id);
        w.WriteStartObject("response");
        w.WriteString("type", type);
        w.WritePropertyName("payload");
        payload(w);
        w.WriteEndObject();
        w.WriteEndObject();
    });
}
