namespace Stateright.Testing.Tool.Tests;

/// <summary>
/// A received snapshot of a counterexample no <c>[ExpectDiscovery]</c> expects comes with a marker file the
/// test run writes beside it (<c>&lt;name&gt;.received.unexpected</c>); the tool refuses to pin it, as
/// STATERIGHT_ACCEPT_SNAPSHOTS does, unless asked to with --include-unexpected.
/// </summary>
public class UnexpectedCounterexampleTests
{
    private const string Marker = "Unexpected counterexample\nProperty: small\nMethod: Ns.Tests.M\n";

    [Fact]
    public void Accept_refuses_an_unexpected_counterexample_by_name_and_accepts_the_rest_of_the_batch()
    {
        using var tree = new SnapshotTree();
        tree.Write("Tests.M.small.received.txt", "a counterexample");
        tree.Write("Tests.M.small.received.unexpected", Marker);
        tree.Write("Tests.M.reachable.received.txt", "an example");

        var (code, output, error) = tree.RunOnRoot("accept");

        Assert.Equal(1, code);
        Assert.Equal("accepted Tests.M.reachable.verified.txt\n1 snapshot(s) accepted, 1 refused.\n", output);
        Assert.StartsWith("stateright: refused Tests.M.small.received.txt: it is an unexpected counterexample", error);
        Assert.Contains("add [ExpectDiscovery(\"small\")] to Ns.Tests.M", error);
        Assert.Contains("--include-unexpected", error);
        Assert.False(tree.Exists("Tests.M.small.verified.txt"));
        Assert.True(tree.Exists("Tests.M.small.received.txt"));
        Assert.True(tree.Exists("Tests.M.small.received.unexpected"));
    }

    [Fact]
    public void Accept_pins_it_when_told_to_include_unexpected_counterexamples_and_removes_the_marker()
    {
        using var tree = new SnapshotTree();
        var received = tree.Write("Tests.M.small.received.txt", "a counterexample");
        var bytes = File.ReadAllBytes(received);
        tree.Write("Tests.M.small.received.unexpected", Marker);

        var (code, output, error) = tree.RunOnRoot("accept", "--include-unexpected");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("accepted Tests.M.small.verified.txt (an unexpected counterexample: add [ExpectDiscovery(\"small\")] to Ns.Tests.M, or its test keeps failing)\n", output);
        Assert.Equal(["Tests.M.small.verified.txt"], tree.Files());
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(tree.Root, "Tests.M.small.verified.txt")));
    }

    [Fact]
    public void List_marks_unexpected_counterexamples()
    {
        using var tree = new SnapshotTree();
        tree.Write("Tests.M.small.received.txt", "a counterexample");
        tree.Write("Tests.M.small.received.unexpected", Marker);
        tree.Write("Tests.M.reachable.received.txt", "an example");

        var (code, output, _) = tree.RunOnRoot("list");

        Assert.Equal(0, code);
        Assert.Contains("new Tests.M.reachable.received.txt (no verified file yet)\n", output);
        Assert.Contains("new Tests.M.small.received.txt (no verified file yet; an unexpected counterexample: Ns.Tests.M has no [ExpectDiscovery(\"small\")])\n", output);
        Assert.Contains("1 of them an unexpected counterexample, which accept refuses without --include-unexpected.", output);
    }

    [Fact]
    public void Reject_deletes_the_marker_with_the_received_file()
    {
        using var tree = new SnapshotTree();
        tree.Write("Tests.M.small.received.txt", "a counterexample");
        tree.Write("Tests.M.small.received.unexpected", Marker);

        Assert.Equal(0, tree.RunOnRoot("reject").Code);

        Assert.Empty(tree.Files());
    }
}
