namespace Stateright.Testing.Tool.Tests;

public class DanglingTests
{
    private static readonly string s_thisAssembly = typeof(DanglingTests).Assembly.Location;

    [Fact]
    public void Reports_verified_snapshots_whose_class_or_method_is_gone()
    {
        using var tree = new SnapshotTree();
        tree.Write("SampleModels.Counter.value chosen.verified.txt", "");
        tree.Write("SampleModels.Nested.Register.linearizable.verified.txt", "");
        tree.Write(Path.Combine("sub", "SampleGeneric.Inherited.p.verified.txt"), "");
        tree.Write("SampleDerived.Inherited.p.verified.txt", "");
        tree.Write("SampleModels.Removed.value chosen.verified.txt", "");
        tree.Write("RenamedClass.Counter.value chosen.verified.txt", "");
        tree.Write("SampleModels.Counter.value chosen.received.txt", "not a verified file");

        var (code, output, error) = tree.RunOnRoot("dangling", "--assembly", s_thisAssembly);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Equal(
            "dangling RenamedClass.Counter.value chosen.verified.txt (no such test method in the assemblies)\n"
            + "dangling SampleModels.Removed.value chosen.verified.txt (no such test method in the assemblies)\n"
            + "2 dangling snapshot(s).\n"
            + "Checked by method only: a snapshot of a property its model no longer has is reported by the test run itself.\n",
            output);
        Assert.Equal(7, tree.Files().Count); // nothing deleted
    }

    [Fact]
    public void Snapshots_named_with_the_namespace_of_their_class_belong_to_it()
    {
        using var tree = new SnapshotTree();
        tree.Write("Stateright.Testing.Tool.Tests.NsD.Same2.M.p1.verified.txt", "");
        tree.Write("Stateright.Testing.Tool.Tests.NsE.Same2.M.p2.verified.txt", "");
        tree.Write("Stateright.Testing.Tool.Tests.NsF.Same2.M.p3.verified.txt", "");

        var (code, output, _) = tree.RunOnRoot("dangling", "--assembly", s_thisAssembly);

        Assert.Equal(0, code);
        Assert.StartsWith("dangling Stateright.Testing.Tool.Tests.NsF.Same2.M.p3.verified.txt (no such test method in the assemblies)\n1 dangling snapshot(s).\n", output);
    }

    [Fact]
    public void Reports_none_when_every_method_exists()
    {
        using var tree = new SnapshotTree();
        tree.Write("SampleModels.Counter.value chosen.verified.txt", "");

        var (code, output, _) = tree.RunOnRoot("dangling", "--assembly", s_thisAssembly);

        Assert.Equal(0, code);
        Assert.StartsWith("No dangling snapshots.\n", output);
    }

    [Fact]
    public void With_a_list_of_used_snapshots_reports_each_file_the_run_did_not_use()
    {
        using var tree = new SnapshotTree();
        tree.Write("SampleModels.Counter.value chosen.verified.txt", "");
        tree.Write("SampleModels.Counter.removed property.verified.txt", "");
        var list = tree.Write(Path.Combine("out", "used.txt"), "# used by the last run\n\n../SampleModels.Counter.value chosen.verified.txt\n");

        var (code, output, _) = tree.RunOnRoot("dangling", "--assembly", s_thisAssembly, "--used", list);

        Assert.Equal(0, code);
        Assert.Equal("dangling SampleModels.Counter.removed property.verified.txt (not used by the test run)\n1 dangling snapshot(s).\n", output);
    }

    [Fact]
    public void Needs_an_assembly_or_a_list()
    {
        using var tree = new SnapshotTree();

        var (code, output, error) = tree.RunOnRoot("dangling");

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("'dangling' needs --assembly PATH", error);
    }

    [Fact]
    public void Rejects_a_missing_assembly_and_a_file_that_is_not_one()
    {
        using var tree = new SnapshotTree();
        var text = tree.Write("notes.txt", "not an assembly");

        var missing = tree.RunOnRoot("dangling", "--assembly", Path.Combine(tree.Root, "missing.dll"));
        var notAssembly = tree.RunOnRoot("dangling", "--assembly", text);
        var missingList = tree.RunOnRoot("dangling", "--used", Path.Combine(tree.Root, "used.txt"));

        Assert.Equal(2, missing.Code);
        Assert.Contains("No such assembly: ", missing.Error);
        Assert.Equal(2, notAssembly.Code);
        Assert.Contains($"Not a .NET assembly: {text}", notAssembly.Error);
        Assert.Equal(2, missingList.Code);
        Assert.Contains("No such list of used snapshots: ", missingList.Error);
    }
}
