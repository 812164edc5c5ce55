using System.Globalization;

namespace Halyard.Cycle.Configuration;

/// <summary>
/// The one shape of an options record's <c>Validate()</c>: each broken rule becomes
/// <c>key = value: allowed …</c> (the shape of <c>RiskLimits.Validate</c>), in the order checked.
/// </summary>
internal sealed class OptionProblems
{
    private readonly List<string> _problems = [];

    public void Require(bool ok, string key, object? value, string allowed)
    {
        if (!ok)
        {
            _problems.Add(string.Create(CultureInfo.InvariantCulture, $"{key} = {Show(value)}: allowed {allowed}"));
        }
    }

    /// <summary>Adds the problems of a nested record, each under <paramref name="prefix"/>.</summary>
    public void AddAll(string prefix, IEnumerable<string> problems) => _problems.AddRange(problems.Select(p => prefix + p));

    public IReadOnlyList<string> ToList() => [.. _problems];

    private static string Show(object? value) => value switch
    {
        null => "(none)",
        TimeSpan span => Names.Of(span),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
