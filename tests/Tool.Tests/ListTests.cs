namespace Stateright.Testing.Tool.Tests;

public class ListTests
{
    [Fact]
    public void Shows_a_diff_for_a_changed_snapshot_and_the_text_of_a_new_one_and_changes_nothing()
    {
        using var tree = new SnapshotTree();
        tree.Write("Tests.M.changed.verified.txt", "step 1\nstep 2\nstep 3");
        tree.Write("Tests.M.changed.received.txt", "step 1\nstep 2b\nstep 3");
        tree.Write("Tests.M.fresh.received.txt", "only\nlines");
        var before = tree.Files();

        var (code, output, error) = tree.RunOnRoot("list");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Equal(
            """
            changed Tests.M.changed.received.txt
            --- Tests.M.changed.verified.txt
            +++ Tests.M.changed.received.txt
            @@ -1,3 +1,3 @@
             step 1
            -step 2
            +step 2b
             step 3

            new Tests.M.fresh.received.txt (no verified file yet)
            +only
            +lines

            2 pending snapshot(s): `stateright accept` or `stateright reject`.

            """.Replace("\r\n", "\n"),
            output);
        Assert.Equal(before, tree.Files());
    }

    [Fact]
    public void Lists_only_the_selected_property()
    {
        using var tree = new SnapshotTree();
        tree.Write("Tests.M.a.received.txt", "a");
        tree.Write("Tests.M.b.received.txt", "b");

        var (_, output, _) = tree.RunOnRoot("list", "--property", "b");

        Assert.Contains("new Tests.M.b.received.txt", output);
        Assert.DoesNotContain("Tests.M.a", output);
    }

    [Fact]
    public void Says_so_when_nothing_is_pending()
    {
        using var tree = new SnapshotTree();

        Assert.Equal((0, "No pending snapshots.\n", ""), tree.RunOnRoot("list"));
    }
}
