using System.Text;
using System.Text.Json;
using Halyard.Domain;

namespace Halyard.Decisions.Parsing;

/// <summary>Writes decisions in the contract's canonical form <c>{"decisions": [...]}</c> (what the parser reads as Parsed).</summary>
public static class DecisionJson
{
    public static string Serialize(IEnumerable<TradingDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartArray("decisions");
            foreach (var d in decisions)
            {
                w.WriteStartObject();
                w.WriteString("symbol", d.Symbol);
                w.WriteString("action", ActionReader.ToContract(d.Action));
                Write(w, "leverage", d.Leverage);
                Write(w, "position_size_usd", d.PositionSizeUsd);
                Write(w, "entry_price", d.EntryPrice);
                Write(w, "stop_loss", d.StopLoss);
                Write(w, "take_profit", d.TakeProfit);
                Write(w, "confidence", d.Confidence);
                Write(w, "risk_usd", d.RiskUsd);
                w.WriteString("reasoning", d.Reasoning);
                w.WriteString("invalidation_condition", d.InvalidationCondition);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Write(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
