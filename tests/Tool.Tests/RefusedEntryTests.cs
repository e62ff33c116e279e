namespace Stateright.Testing.Tool.Tests;

/// <summary>
/// Entries the tool refuses without stopping the batch: a received or verified snapshot that is a symbolic
/// link (never read or written through), and a verified path that is a directory.
/// </summary>
public sealed class RefusedEntryTests : IDisposable
{
    private readonly SnapshotTree _outside = new();

    public void Dispose() => _outside.Dispose();

    private string OutsideFile() => _outside.Write("secret.txt", "outside the folder");

    [Fact]
    public void Accept_of_a_named_received_file_that_is_a_link_refuses_it_and_reads_nothing_through_it()
    {
        using var tree = new SnapshotTree();
        var link = Path.Combine(tree.Root, "X.M.p.received.txt");
        File.CreateSymbolicLink(link, OutsideFile());

        var (code, output, error) = SnapshotTree.Run("accept", link);

        Assert.Equal(StaterightTool.Failure, code);
        Assert.Contains("refused X.M.p.received.txt: it is a symbolic link", error);
        Assert.Contains("0 snapshot(s) accepted, 1 refused.", output);
        Assert.False(tree.Exists("X.M.p.verified.txt"));
        Assert.NotNull(new FileInfo(link).LinkTarget); // left as it was
        Assert.Equal("outside the folder", File.ReadAllText(OutsideFile()));
    }

    [Fact]
    public void Accept_of_a_folder_refuses_links_on_either_side_and_accepts_the_rest()
    {
        using var tree = new SnapshotTree();
        File.CreateSymbolicLink(Path.Combine(tree.Root, "A.M.linked.received.txt"), OutsideFile());
        tree.Write("B.M.target.received.txt", "would overwrite the outside file");
        File.CreateSymbolicLink(Path.Combine(tree.Root, "B.M.target.verified.txt"), OutsideFile());
        tree.Write("C.M.fine.received.txt", "fine");

        var (code, output, error) = tree.RunOnRoot("accept");

        Assert.Equal(StaterightTool.Failure, code);
        Assert.Contains("refused A.M.linked.received.txt: it is a symbolic link", error);
        Assert.Contains("refused B.M.target.received.txt: its verified file B.M.target.verified.txt is a symbolic link", error);
        Assert.Contains("accepted C.M.fine.verified.txt\n", output);
        Assert.Contains("1 snapshot(s) accepted, 2 refused.", output);
        Assert.Equal("fine", tree.Read("C.M.fine.verified.txt"));
        Assert.False(tree.Exists("A.M.linked.verified.txt"));
        Assert.True(tree.Exists("B.M.target.received.txt"));
        Assert.NotNull(new FileInfo(Path.Combine(tree.Root, "B.M.target.verified.txt")).LinkTarget);
        Assert.Equal("outside the folder", File.ReadAllText(OutsideFile()));
    }

    [Fact]
    public void Accept_reports_a_verified_path_that_is_a_directory_and_accepts_the_rest()
    {
        using var tree = new SnapshotTree();
        tree.Write("A.M.p.received.txt", "blocked");
        Directory.CreateDirectory(Path.Combine(tree.Root, "A.M.p.verified.txt"));
        tree.Write("B.M.q.received.txt", "fine");

        var (code, output, error) = tree.RunOnRoot("accept");

        Assert.Equal(StaterightTool.Failure, code);
        Assert.Contains("refused A.M.p.received.txt: its verified path A.M.p.verified.txt is a directory", error);
        Assert.Contains("1 snapshot(s) accepted, 1 refused.", output);
        Assert.Equal("fine", tree.Read("B.M.q.verified.txt"));
        Assert.True(tree.Exists("A.M.p.received.txt"));
    }

    [Fact]
    public void List_and_reject_refuse_a_received_link_too()
    {
        using var tree = new SnapshotTree();
        var link = Path.Combine(tree.Root, "X.M.p.received.txt");
        File.CreateSymbolicLink(link, OutsideFile());
        tree.Write("Y.M.q.received.txt", "pending");

        var list = tree.RunOnRoot("list");
        Assert.Equal(StaterightTool.Failure, list.Code);
        Assert.Contains("refused X.M.p.received.txt: it is a symbolic link", list.Error);
        Assert.DoesNotContain("outside the folder", list.Output);
        Assert.Contains("new Y.M.q.received.txt", list.Output);

        var reject = SnapshotTree.Run("reject", link);
        Assert.Equal(StaterightTool.Failure, reject.Code);
        Assert.Contains("refused X.M.p.received.txt: it is a symbolic link", reject.Error);
        Assert.NotNull(new FileInfo(link).LinkTarget);
    }
}
