namespace Stateright.Docs.Tests;

/// <summary>
/// Every C# block of README.md and docs/ is a region of a snippet file, and every snippet file compiles: a
/// sample in the docs cannot drift from the API. To change a sample, edit its region in
/// tests/Docs.Tests/Snippets and paste it into the page (or the other way round); pseudo-code is fenced as <c>text</c>.
/// </summary>
public class DocSnippetTests
{
    [Fact]
    public void Every_csharp_block_in_the_docs_is_a_snippet_region()
    {
        var snippets = DocFiles.Snippets().ToList();
        var blocks = DocFiles.CSharpBlocks().ToList();
        Assert.True(blocks.Count >= 20, $"only {blocks.Count} C# blocks found: are README.md and docs/ where the test looks?");
        var failures = blocks.Where(b => !snippets.Any(s => s.Code.SequenceEqual(b.Code))).Select(b => Explain(b, snippets)).ToList();
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Fact]
    public void Every_snippet_region_is_shown_on_a_page()
    {
        var blocks = DocFiles.CSharpBlocks().ToList();
        var unused = DocFiles.Snippets().Where(s => !blocks.Any(b => b.Code.SequenceEqual(s.Code)))
            .Select(s => $"{s.File}:{s.Line}: #region {s.Name} is shown on no page (README.md, docs/): remove it, or update the page that should show it.")
            .ToList();
        Assert.True(unused.Count == 0, string.Join("\n", unused));
    }

    public static TheoryData<string> SnippetFiles() => [.. DocFiles.SnippetFiles()];

    [Theory]
    [MemberData(nameof(SnippetFiles))]
    public void The_snippet_file_compiles_without_warnings(string file)
    {
        var diagnostics = SnippetCompiler.Diagnostics(file);
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }

    // The region that shares the most lines with the block, and the first line where they part.
    private static string Explain(MarkdownBlock block, IReadOnlyList<Snippet> snippets)
    {
        var message = $"{block.File}:{block.Line}: this ```{block.Language} block is no #region of tests/Docs.Tests/Snippets/*.cs, so nothing compiles it. " +
                      "Copy it into a region of a snippet file (and make it compile), or fence pseudo-code as ```text.";
        var nearest = snippets.MaxBy(s => s.Code.Intersect(block.Code).Count(l => l.Trim().Length > 2));
        if (nearest is null || !nearest.Code.Intersect(block.Code).Any(l => l.Trim().Length > 2)) return message;
        var at = Enumerable.Range(0, Math.Max(block.Code.Count, nearest.Code.Count))
            .First(i => i >= block.Code.Count || i >= nearest.Code.Count || block.Code[i] != nearest.Code[i]);
        return message + $"\n  nearest: {nearest.File}:{nearest.Line} #region {nearest.Name}; first difference at block line {at + 1}:" +
               $"\n    page:    {(at < block.Code.Count ? block.Code[at] : "(end of block)")}" +
               $"\n    snippet: {(at < nearest.Code.Count ? nearest.Code[at] : "(end of region)")}";
    }
}
