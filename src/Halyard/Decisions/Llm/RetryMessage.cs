using System.Text;
using Halyard.Decisions.Parsing;

namespace Halyard.Decisions.Llm;

/// <summary>The one gentle retry: tells the model exactly what was wrong and asks for the contract again.</summary>
public static class RetryMessage
{
    private const int MaxListed = 12;

    public static string For(ParseResult previous, bool structuredOutput)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var sb = new StringBuilder();
        sb.AppendLine("Your previous reply could not be used as it is:");
        foreach (var error in previous.Errors.Take(MaxListed))
        {
            sb.Append("- ").AppendLine(error);
        }

        if (previous.Errors.Count > MaxListed)
        {
            sb.AppendLine($"- … and {previous.Errors.Count - MaxListed} more");
        }

        sb.AppendLine();
        sb.Append("Please reply again with the complete list of decisions, ");
        sb.AppendLine(structuredOutput
            ? "as one JSON object {\"decisions\": [ ... ]} and nothing else."
            : "as one JSON object {\"decisions\": [ ... ]} inside <decisions></decisions> tags at the end of your reply.");
        sb.AppendLine("Actions: open_long, open_short, close_long, close_short, hold, wait. Opens need leverage, position_size_usd, stop_loss and take_profit.");
        sb.Append("Numbers are plain JSON numbers: no ranges (60-70), no thousands separators (6,000), no units or quotes. No need to repeat your analysis.");
        return sb.ToString();
    }
}
