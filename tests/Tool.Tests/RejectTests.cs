namespace Stateright.Testing.Tool.Tests;

public class RejectTests
{
    [Fact]
    public void Deletes_received_snapshots_and_keeps_verified_ones()
    {
        using var tree = new SnapshotTree();
        tree.Write("Tests.M.p.verified.txt", "accepted");
        tree.Write("Tests.M.p.received.txt", "rejected");
        tree.Write(Path.Combine("deep", "er", "Tests.N.q.received.txt"), "also rejected");

        var (code, output, error) = tree.RunOnRoot("reject");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Equal($"rejected Tests.M.p.received.txt\nrejected {Path.Combine("deep", "er", "Tests.N.q.received.txt")}\n2 snapshot(s) rejected.\n", output);
        Assert.Equal(["Tests.M.p.verified.txt"], tree.Files());
        Assert.Equal("accepted", tree.Read("Tests.M.p.verified.txt"));
    }

    [Fact]
    public void Rejects_only_the_selected_method()
    {
        using var tree = new SnapshotTree();
        tree.Write("Tests.M.p.received.txt", "");
        tree.Write("Tests.N.p.received.txt", "");

        var (code, output, _) = tree.RunOnRoot("reject", "--method", "N");

        Assert.Equal(0, code);
        Assert.Equal("rejected Tests.N.p.received.txt\n1 snapshot(s) rejected.\n", output);
        Assert.Equal(["Tests.M.p.received.txt"], tree.Files());
    }

    [Fact]
    public void Rejects_just_the_received_file_named_on_the_command_line()
    {
        using var tree = new SnapshotTree();
        var named = tree.Write("Tests.M.p.received.txt", "");
        tree.Write("Tests.M.q.received.txt", "");

        var (code, output, _) = SnapshotTree.Run("reject", named);

        Assert.Equal(0, code);
        Assert.Equal("rejected Tests.M.p.received.txt\n1 snapshot(s) rejected.\n", output);
        Assert.Equal(["Tests.M.q.received.txt"], tree.Files());
    }

    [Fact]
    public void Says_so_when_nothing_is_pending()
    {
        using var tree = new SnapshotTree();
        tree.Write("Tests.M.p.verified.txt", "v");

        Assert.Equal((0, "Nothing to reject.\n", ""), tree.RunOnRoot("reject"));
    }
}
