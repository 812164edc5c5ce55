using System.Text;

namespace Halyard.Sweeps.Planning;

/// <summary>A job's name and folder from its axes: <c>variant_axis=label_axis=label</c>, with anything but letters, digits, '.', '-' and '=' made '-'.</summary>
public static class JobName
{
    public const string Alone = "base";

    public static string Of(string? variant, IEnumerable<(string Axis, string Label)> cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var parts = new List<string>();
        if (variant is not null)
        {
            parts.Add(Clean(variant));
        }

        parts.AddRange(cell.Select(c => Clean(c.Axis) + "=" + Clean(c.Label)));
        return parts.Count == 0 ? Alone : string.Join("_", parts);
    }

    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-');
        }

        var cleaned = builder.ToString().Trim('-', '.');
        return cleaned.Length == 0 ? "x" : cleaned.Length > 60 ? cleaned[..60] : cleaned;
    }
}
