namespace Stateright.Docs.Tests;

/// <summary>The rules the docs test relies on: what counts as a C# block, and when a block equals a region.</summary>
public class MatchingTests
{
    [Fact]
    public void A_block_equals_a_region_whatever_the_indentation_and_trailing_spaces()
    {
        var page = "Text\n\n  ```csharp\n  var x = 1;  \n  if (x > 0)\n      x++;\n  ```\n";
        var code = "class C\n{\n    void M()\n    {\n        #region inc\n        var x = 1;\n        if (x > 0)\n            x++;\n        #endregion\n    }\n}\n";
        var block = Assert.Single(MarkdownBlock.Read("page.md", page));
        var snippet = Assert.Single(Snippet.Read("code.cs", code));
        Assert.Equal((3, "csharp", true), (block.Line, block.Language, block.IsCSharp));
        Assert.Equal("inc", snippet.Name);
        Assert.Equal(block.Code, snippet.Code);
    }

    [Fact]
    public void A_changed_line_or_another_fence_language_does_not_match()
    {
        var blocks = MarkdownBlock.Read("page.md", "```cs\nvar x = 2;\n```\n\n```text\nvar x = 1;\n```\n").ToList();
        var snippet = Assert.Single(Snippet.Read("code.cs", "#region a\nvar x = 1;\n#endregion\n"));
        Assert.Equal([true, false], blocks.Select(b => b.IsCSharp));
        Assert.NotEqual(snippet.Code, blocks[0].Code);
    }

    [Fact]
    public void An_unclosed_region_is_an_error()
    {
        var error = Assert.Throws<FormatException>(() => Snippet.Read("code.cs", "#region open\nvar x = 1;\n").ToList());
        Assert.Contains("code.cs:1", error.Message);
    }
}
