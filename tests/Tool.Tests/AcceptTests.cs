namespace Stateright.Testing.Tool.Tests;

public class AcceptTests
{
    [Fact]
    public void Moves_each_received_snapshot_over_its_verified_one_and_prints_every_file_written()
    {
        using var tree = new SnapshotTree();
        tree.Write("Tests.M.changed.verified.txt", "old");
        tree.Write("Tests.M.changed.received.txt", "new");
        tree.Write(Path.Combine("sub", "Tests.N.fresh.received.txt"), "first");
        tree.Write("Tests.M.kept.verified.txt", "kept");

        var (code, output, error) = tree.RunOnRoot("accept");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Equal(
            $"accepted Tests.M.changed.verified.txt\naccepted {Path.Combine("sub", "Tests.N.fresh.verified.txt")}\n2 snapshot(s) accepted.\n",
            output);
        Assert.Equal(["Tests.M.changed.verified.txt", "Tests.M.kept.verified.txt", "sub/Tests.N.fresh.verified.txt"], tree.Files());
        Assert.Equal("new", tree.Read("Tests.M.changed.verified.txt"));
        Assert.Equal("first", tree.Read(Path.Combine("sub", "Tests.N.fresh.verified.txt")));
        Assert.Equal("kept", tree.Read("Tests.M.kept.verified.txt"));
    }

    [Fact]
    public void Keeps_the_bytes_of_the_received_file()
    {
        using var tree = new SnapshotTree();
        var received = tree.Write("Tests.M.p.received.txt", "line 1\nline 2 é");
        var bytes = File.ReadAllBytes(received);

        Assert.Equal(0, tree.RunOnRoot("accept").Code);

        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(tree.Root, "Tests.M.p.verified.txt")));
    }

    [Fact]
    public void Leaves_build_output_alone()
    {
        using var tree = new SnapshotTree();
        tree.Write(Path.Combine("bin", "Debug", "Tests.M.p.received.txt"), "copied to output");
        tree.Write(Path.Combine("obj", "Tests.M.p.received.txt"), "intermediate");

        var (code, output, _) = tree.RunOnRoot("accept");

        Assert.Equal(0, code);
        Assert.Equal("Nothing to accept.\n", output);
        Assert.Equal(["bin/Debug/Tests.M.p.received.txt", "obj/Tests.M.p.received.txt"], tree.Files());
    }

    [Theory]
    [InlineData(new[] { "--class", "Outer.Inner" }, new[] { "Outer.Inner.Run.value chosen" })]
    [InlineData(new[] { "--class", "Inner" }, new string[0])]
    [InlineData(new[] { "--method", "Run" }, new[] { "Outer.Inner.Run.value chosen", "Plain.Run.x.y" })]
    [InlineData(new[] { "--property", "x.y" }, new[] { "Plain.Run.x.y" })]
    [InlineData(new[] { "--class", "Plain", "--property", "value chosen" }, new[] { "Plain.Other.value chosen" })]
    [InlineData(new[] { "--class", "Plain", "--property", "x" }, new string[0])]
    [InlineData(new[] { "--class=Plain", "--method=Other" }, new[] { "Plain.Other.value chosen", "Plain.Other.a-b" })]
    [InlineData(new[] { "--property", "a/b" }, new[] { "Plain.Other.a-b" })]
    public void Filters_by_class_method_and_property(string[] filter, string[] accepted)
    {
        string[] all = ["Outer.Inner.Run.value chosen", "Plain.Run.x.y", "Plain.Other.value chosen", "Plain.Other.a-b"];
        using var tree = new SnapshotTree();
        foreach (var name in all) tree.Write(name + ".received.txt", name);

        var (code, output, _) = tree.RunOnRoot(["accept", .. filter]);

        Assert.Equal(0, code);
        foreach (var name in all)
        {
            Assert.Equal(accepted.Contains(name), tree.Exists(name + ".verified.txt"));
            Assert.Equal(!accepted.Contains(name), tree.Exists(name + ".received.txt"));
            Assert.Equal(accepted.Contains(name), output.Contains($"accepted {name}.verified.txt\n", StringComparison.Ordinal));
        }
        if (accepted.Length == 0) Assert.StartsWith("Nothing to accept for --", output);
    }

    [Fact]
    public void Accepts_just_the_received_file_named_on_the_command_line()
    {
        using var tree = new SnapshotTree();
        var named = tree.Write(Path.Combine("sub", "A.B.c.received.txt"), "this one");
        tree.Write(Path.Combine("sub", "A.B.d.received.txt"), "not this one");
        tree.Write("A.B.c.received.txt", "nor this one");

        var (code, output, _) = SnapshotTree.Run("accept", named);

        Assert.Equal(0, code);
        Assert.Equal("accepted A.B.c.verified.txt\n1 snapshot(s) accepted.\n", output);
        Assert.Equal(["A.B.c.received.txt", "sub/A.B.c.verified.txt", "sub/A.B.d.received.txt"], tree.Files());
    }

    [Fact]
    public void A_named_file_must_be_a_received_snapshot()
    {
        using var tree = new SnapshotTree();
        var verified = tree.Write("A.B.c.verified.txt", "accepted before");

        var (code, _, error) = SnapshotTree.Run("accept", verified);

        Assert.Equal(2, code);
        Assert.Contains($"Not a received snapshot (*.received.txt): {verified}", error);
        Assert.Equal(["A.B.c.verified.txt"], tree.Files());
    }

    [Fact]
    public void Leaves_no_temporary_file_behind()
    {
        using var tree = new SnapshotTree();
        tree.Write("A.B.c.verified.txt", "old");
        tree.Write("A.B.c.received.txt", "new");

        tree.RunOnRoot("accept");

        Assert.Equal(["A.B.c.verified.txt"], tree.Files());
    }
}
