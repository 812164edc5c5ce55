using System.Text;

namespace Halyard.Cycle.Configuration.Writing;

/// <summary>Writes YAML lines with the schema's comment aligned after each key.</summary>
internal sealed class YamlLines
{
    private const int CommentColumn = 48;
    private readonly StringBuilder _sb = new();

    public void Comment(string text) => _sb.Append("# ").Append(text).Append('\n');

    public void Blank() => _sb.Append('\n');

    /// <summary><c>key: value  # comment</c>; <paramref name="prefix"/> replaces the indent's last two characters (list items).</summary>
    public void Key(int indent, SchemaSection section, string key, string value, string? prefix = null) =>
        Line(Indent(indent, prefix) + key + ": " + value, section.CommentOf(key));

    /// <summary>An optional key left unset, written commented out so the reader sees it exists.</summary>
    public void Unset(int indent, SchemaSection section, string key, string example) =>
        Line(Indent(indent, null) + "# " + key + ": " + example, section.CommentOf(key));

    /// <summary>The header line of a nested mapping or list.</summary>
    public void Open(int indent, SchemaSection section, string key, string? prefix = null) =>
        Line(Indent(indent, prefix) + key + ":", section.CommentOf(key));

    public override string ToString() => _sb.ToString();

    /// <summary>A YAML double-quoted string.</summary>
    public static string Quote(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => sb.Append("\\\""),
                '\\' => sb.Append("\\\\"),
                '\n' => sb.Append("\\n"),
                '\t' => sb.Append("\\t"),
                _ when char.IsControl(c) => sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)),
                _ => sb.Append(c),
            };
        }

        return sb.Append('"').ToString();
    }

    private static string Indent(int indent, string? prefix) =>
        prefix is null ? new string(' ', indent) : new string(' ', Math.Max(0, indent - prefix.Length)) + prefix;

    private void Line(string text, string comment)
    {
        _sb.Append(text);
        _sb.Append(' ', Math.Max(2, CommentColumn - text.Length));
        _sb.Append("# ").Append(comment).Append('\n');
    }
}
