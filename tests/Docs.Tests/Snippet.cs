namespace Stateright.Docs.Tests;

/// <summary>A <c>#region name</c> … <c>#endregion</c> of a snippet file: what a page may show of it.</summary>
internal sealed record Snippet(string File, int Line, string Name, IReadOnlyList<string> Code)
{
    /// <summary>Every region of <paramref name="text"/>, nested ones too (the markers themselves are left out of the code).</summary>
    public static IEnumerable<Snippet> Read(string file, string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var open = new Stack<(int Line, string Name)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("#region", StringComparison.Ordinal))
            {
                open.Push((i, line["#region".Length..].Trim()));
            }
            else if (line.StartsWith("#endregion", StringComparison.Ordinal))
            {
                if (open.Count == 0) throw new FormatException($"{file}:{i + 1}: #endregion without #region");
                var (start, name) = open.Pop();
                var code = lines[(start + 1)..i].Where(l => !l.TrimStart().StartsWith("#region", StringComparison.Ordinal) && !l.TrimStart().StartsWith("#endregion", StringComparison.Ordinal));
                yield return new Snippet(file, start + 1, name, CodeText.Normalize(code));
            }
        }
        if (open.Count > 0) throw new FormatException($"{file}:{open.Peek().Line + 1}: #region {open.Peek().Name} is never closed");
    }
}
