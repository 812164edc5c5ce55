using System.Buffers;
using System.Text.Json;
using Halyard.PaperExchange.Market;

namespace Halyard.PaperExchange.Protocol;

/// <summary>Serializes <see cref="ExchangeResult"/> in the venue's JSON shapes (<c>hyperliquid-protocol.md</c> §2.3).</summary>
internal static class ExchangeResponseWriter
{
    public static byte[] Write(ExchangeResult result)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (result is ErrResult err)
            {
                writer.WriteString("status", "err");
                writer.WriteString("response", err.Message);
            }
            else
            {
                writer.WriteString("status", "ok");
                writer.WritePropertyName("response");
                WriteResponse(writer, result);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteResponse(Utf8JsonWriter writer, ExchangeResult result)
    {
        writer.WriteStartObject();
        switch (result)
        {
            case OrderStatusesResult orders:
                writer.WriteString("type", "order");
                writer.WriteStartObject("data");
                writer.WriteStartArray("statuses");
                foreach (var status in orders.Statuses)
                {
                    WriteOrderStatus(writer, status);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
            case CancelStatusesResult cancels:
                writer.WriteString("type", "cancel");
                writer.WriteStartObject("data");
                writer.WriteStartArray("statuses");
                foreach (var error in cancels.Errors)
                {
                    if (error is null)
                    {
                        writer.WriteStringValue("success");
                    }
                    else
                    {
                        writer.WriteStartObject();
                        writer.WriteString("error", error);
                        writer.WriteEndObject();
                    }
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
            default:
                writer.WriteString("type", "default");
                break;
        }

        writer.WriteEndObject();
    }

    private static void WriteOrderStatus(Utf8JsonWriter writer, OrderStatusEntry status)
    {
        switch (status)
        {
            case WaitingStatus waiting:
                writer.WriteStringValue(waiting.Text);
                return;
            case ErrorStatus error:
                writer.WriteStartObject();
                writer.WriteString("error", error.Error);
                writer.WriteEndObject();
                return;
            case RestingStatus resting:
                writer.WriteStartObject();
                writer.WriteStartObject("resting");
                writer.WriteNumber("oid", resting.Oid);
                if (resting.Cloid is not null)
                {
                    writer.WriteString("cloid", resting.Cloid);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
                return;
            case FilledStatus filled:
                writer.WriteStartObject();
                writer.WriteStartObject("filled");
                writer.WriteString("totalSz", PriceMath.Format(filled.TotalSz));
                writer.WriteString("avgPx", PriceMath.Format(filled.AvgPx));
                writer.WriteNumber("oid", filled.Oid);
                if (filled.Cloid is not null)
                {
                    writer.WriteString("cloid", filled.Cloid);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
                return;
        }
    }
}
