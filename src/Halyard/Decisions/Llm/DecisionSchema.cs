using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Halyard.Decisions.Llm;

/// <summary>
/// The JSON schema of the output contract for structured output: an object <c>{"decisions": [...]}</c>
/// (providers require an object at the root), every field present and nullable where optional, no
/// other properties (the strict-mode form).
/// </summary>
public static class DecisionSchema
{
    public const string Name = "trading_decisions";

    public const string Text = """
        {
          "type": "object",
          "additionalProperties": false,
          "required": ["decisions"],
          "properties": {
            "decisions": {
              "type": "array",
              "items": {
                "type": "object",
                "additionalProperties": false,
                "required": ["symbol", "action", "leverage", "position_size_usd", "entry_price", "stop_loss", "take_profit", "confidence", "risk_usd", "reasoning", "invalidation_condition", "close_fraction"],
                "properties": {
                  "symbol": { "type": "string", "description": "Coin, e.g. BTC" },
                  "action": { "type": "string", "enum": ["open_long", "open_short", "close_long", "close_short", "hold", "wait"] },
                  "leverage": { "type": ["integer", "null"], "description": "Whole number, required for opens" },
                  "position_size_usd": { "type": ["number", "null"], "description": "USD notional, required for opens; on a close, the USD to close (partial)" },
                  "entry_price": { "type": ["number", "null"] },
                  "stop_loss": { "type": ["number", "null"], "description": "Required for opens" },
                  "take_profit": { "type": ["number", "null"], "description": "Required for opens" },
                  "confidence": { "type": ["integer", "null"], "description": "0 to 100" },
                  "risk_usd": { "type": ["number", "null"] },
                  "reasoning": { "type": ["string", "null"] },
                  "invalidation_condition": { "type": ["string", "null"] },
                  "close_fraction": { "type": ["number", "null"], "description": "Closes only: the share of the position to close, 0 to 1; null closes it all" }
                }
              }
            }
          }
        }
        """;

    public static JsonElement Schema { get; } = JsonDocument.Parse(Text).RootElement.Clone();

    public static ChatResponseFormat ResponseFormat { get; } =
        ChatResponseFormat.ForJsonSchema(Schema, Name, "Trading decisions for this cycle");
}
