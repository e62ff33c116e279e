using Stateright.Testing.EndToEnd;

namespace Stateright.Docs.Tests;

/// <summary>The pages whose C# must compile, and the snippet files it is taken from.</summary>
internal static class DocFiles
{
    public static string Root { get; } = DotnetCli.RepositoryRoot();

    /// <summary>README.md and every page under docs/ (docs/examples too), as repository-relative paths.</summary>
    public static IEnumerable<string> Pages() =>
        new[] { Path.Combine(Root, "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories))
            .Select(Relative).Order(StringComparer.Ordinal);

    /// <summary>The snippet files (tests/Docs.Tests/Snippets/*.cs), as repository-relative paths.</summary>
    public static IEnumerable<string> SnippetFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "tests", "Docs.Tests", "Snippets"), "*.cs", SearchOption.AllDirectories)
            .Select(Relative).Order(StringComparer.Ordinal);

    public static IEnumerable<MarkdownBlock> CSharpBlocks() =>
        Pages().SelectMany(p => MarkdownBlock.Read(p, File.ReadAllText(Path.Combine(Root, p)))).Where(b => b.IsCSharp);

    public static IEnumerable<Snippet> Snippets() =>
        SnippetFiles().SelectMany(f => Snippet.Read(f, File.ReadAllText(Path.Combine(Root, f))));

    private static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');
}
