namespace Stateright.Docs.Tests;

/// <summary>A fenced code block of a markdown page: its file, the line of its opening fence, its language and code.</summary>
internal sealed record MarkdownBlock(string File, int Line, string Language, IReadOnlyList<string> Code)
{
    /// <summary>The fence languages that mean C# (a page that wants pseudo-code fences it as <c>text</c>).</summary>
    public static readonly string[] CSharp = ["csharp", "cs", "c#"];

    /// <summary>Every fenced block of <paramref name="text"/> (<paramref name="file"/> names it in messages).</summary>
    public static IEnumerable<MarkdownBlock> Read(string file, string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var open = lines[i].TrimStart();
            if (!open.StartsWith("```", StringComparison.Ordinal)) continue;
            var fence = open[..(open.Length - open.TrimStart('`').Length)];
            var language = open[fence.Length..].Trim();
            var start = i;
            var code = new List<string>();
            for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith(fence, StringComparison.Ordinal); i++) code.Add(lines[i]);
            yield return new MarkdownBlock(file, start + 1, language, CodeText.Normalize(code));
        }
    }

    /// <summary>Whether the block is C#.</summary>
    public bool IsCSharp => CSharp.Contains(Language, StringComparer.OrdinalIgnoreCase);
}
