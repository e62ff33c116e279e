namespace Stateright.Testing.Tool.Tests;

public class UsageTests
{
    [Theory]
    [InlineData(new string[0], "Name a command")]
    [InlineData(new[] { "approve" }, "Unknown command 'approve'.")]
    [InlineData(new[] { "accept", "--filter", "x" }, "Unknown option '--filter'.")]
    [InlineData(new[] { "accept", "-x" }, "Unknown option '-x'.")]
    [InlineData(new[] { "accept", "--class" }, "Option '--class' needs a value.")]
    [InlineData(new[] { "accept", "--class", "--method", "M" }, "Option '--class' needs a value.")]
    [InlineData(new[] { "accept", "--assembly", "x.dll" }, "'accept' does not take --assembly.")]
    [InlineData(new[] { "dangling", "--class", "C", "--assembly", "x.dll" }, "'dangling' does not take --class.")]
    [InlineData(new[] { "list", "one", "two" }, "Only one directory, please: 'one' and 'two'.")]
    [InlineData(new[] { "help", "nope" }, "Unknown command 'nope'.")]
    [InlineData(new[] { "list", "--include-unexpected" }, "'list' does not take --include-unexpected.")]
    public void Bad_usage_exits_with_2_and_says_what_is_wrong(string[] args, string message)
    {
        var (code, output, error) = SnapshotTree.Run(args);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(message, error);
        Assert.Contains("Run `stateright --help` for usage.", error);
    }

    [Theory]
    [InlineData("accept")]
    [InlineData("reject")]
    [InlineData("list")]
    [InlineData("dangling")]
    public void A_missing_directory_exits_with_2(string command)
    {
        var missing = Path.Combine(Path.GetTempPath(), "stateright-tool-tests", "no-such-" + Guid.NewGuid().ToString("N"));

        var (code, output, error) = SnapshotTree.Run(command == "dangling" ? [command, "--used", "x", missing] : [command, missing]);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal($"stateright: No such directory: {missing}\nRun `stateright --help` for usage.\n", error);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public void Help_lists_every_command_and_exits_with_0(string flag)
    {
        var (code, output, error) = SnapshotTree.Run(flag);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.StartsWith("Usage: stateright <command> [options] [DIRECTORY=.]", output);
        foreach (var command in new[] { "accept", "reject", "list", "dangling" }) Assert.Contains($"\n  {command} ", output);
    }

    [Theory]
    [InlineData("accept", "Usage: stateright accept [--class CLASS]")]
    [InlineData("dangling", "Usage: stateright dangling --assembly PATH")]
    public void Each_command_has_its_own_help(string command, string usage)
    {
        Assert.StartsWith(usage, SnapshotTree.Run(command, "--help").Output);
        Assert.StartsWith(usage, SnapshotTree.Run("help", command).Output);
    }

    [Fact]
    public void Version_prints_the_package_version()
    {
        var (code, output, _) = SnapshotTree.Run("--version");

        Assert.Equal(0, code);
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?\n$", output);
    }

    [Fact]
    public void A_directory_may_start_with_a_dash_after_two_dashes()
    {
        using var tree = new SnapshotTree();
        var dashed = Path.Combine(tree.Root, "-snapshots");
        Directory.CreateDirectory(dashed);

        var (code, output, _) = SnapshotTree.Run("list", "--", dashed);

        Assert.Equal(0, code);
        Assert.Equal("No pending snapshots.\n", output);
    }
}
