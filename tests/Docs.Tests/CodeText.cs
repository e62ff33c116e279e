namespace Stateright.Docs.Tests;

/// <summary>How code is compared between a page and a snippet: indentation and trailing spaces do not count.</summary>
internal static class CodeText
{
    /// <summary>The lines without their common indentation, trailing whitespace, or blank lines at either end.</summary>
    public static IReadOnlyList<string> Normalize(IEnumerable<string> lines)
    {
        var trimmed = lines.Select(l => l.TrimEnd()).ToList();
        while (trimmed.Count > 0 && trimmed[0].Length == 0) trimmed.RemoveAt(0);
        while (trimmed.Count > 0 && trimmed[^1].Length == 0) trimmed.RemoveAt(trimmed.Count - 1);
        var indent = trimmed.Where(l => l.Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return [.. trimmed.Select(l => l.Length == 0 ? l : l[indent..])];
    }
}
