using System.Reflection;

namespace Stateright.Docs.Tests;

/// <summary>
/// docs/debugging.md's replay example does not only compile: it runs as written against the seed chapter's
/// real snapshot. The example is a method of a test class that sits beside the snapshot it names, as in the
/// reader's test project, so the snippet is compiled as if its source file were in samples/GettingStarted.Tests,
/// where RegisterModelTests.SingleServer.linearizable.verified.txt is.
/// </summary>
public class DebuggingPageTests
{
    private const string Snippet = "tests/Docs.Tests/Snippets/Debugging.cs";

    [Fact]
    public void The_replay_example_runs_as_written_beside_the_seed_snapshot()
    {
        var source = Path.Combine(DocFiles.Root, "samples", "GettingStarted.Tests", "DebuggingPage.cs");
        var page = SnippetCompiler.Load(Snippet, source).GetType("Docs.Debugging.ReplayPage", throwOnError: true)!;
        var printed = new StringWriter();
        var console = Console.Out;
        Console.SetOut(printed);
        try
        {
            page.GetMethod("Replay", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
        finally
        {
            Console.SetOut(console);
        }

        var lines = printed.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        // The seed's counterexample: seven steps; the property holds after each step but the last.
        var snapshot = File.ReadAllText(Path.Combine(DocFiles.Root, "samples", "GettingStarted.Tests", "RegisterModelTests.SingleServer.linearizable.verified.txt"));
        Assert.EndsWith("Index path: 0/0/0/1/1/3/4/1", snapshot.TrimEnd());
        var verdicts = lines.Where(l => l is "True" or "False").ToList();
        Assert.Equal(7, verdicts.Count);
        Assert.Equal("False", verdicts[^1]);
        Assert.All(verdicts.SkipLast(1), v => Assert.Equal("True", v));
        Assert.Contains(lines, l => l.Contains("Put(1, 'A')", StringComparison.Ordinal));
    }
}
