using Stateright.Examples.Cli;

namespace Stateright.Examples.Tests;

public class CommandLineTests
{
    internal static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = ExampleRegistry.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Checks_2pc_like_the_rust_example()
    {
        var (code, output, _) = Run("2pc", "check", "3", "--threads", "2");
        Assert.Equal(0, code);
        Assert.StartsWith("Checking two phase commit with 3 resource managers.\n", output.Replace("\r\n", "\n"));
        Assert.Contains("Done. states=", output);
        Assert.Contains(", unique=288, depth=", output);
        Assert.Contains("Discovered \"abort agreement\" example", output);
    }

    [Fact]
    public void Checks_with_symmetry()
    {
        var (code, output, _) = Run("2pc", "check-sym", "5");
        Assert.Equal(0, code);
        Assert.Contains(", unique=665, depth=", output);
    }

    [Fact]
    public void Checks_2pc_as_actors_with_exact_symmetry_on_several_threads()
    {
        var (code, output, _) = Run("2pc", "check-actors-sym", "3", "--threads", "2");
        Assert.Equal(0, code);
        Assert.StartsWith("Checking two phase commit as actors with 3 resource managers using symmetry reduction.\n", output.Replace("\r\n", "\n"));
        Assert.Contains(", unique=103, depth=", output); // the number of orbits of the 406 states
    }

    [Theory]
    [InlineData("check-bfs")]
    [InlineData("check-dfs")]
    public void Offers_each_engine(string mode)
    {
        var (code, output, _) = Run("increment-lock", mode, "2");
        Assert.Equal(0, code);
        Assert.Contains("Done. states=", output);
    }

    [Fact]
    public void Simulation_takes_a_seed_and_a_timeout()
    {
        var (code, output, _) = Run("increment", "check-simulation", "2", "--seed", "7", "--timeout", "5");
        Assert.Equal(0, code);
        Assert.Contains("Discovered \"fin\" counterexample", output);
    }

    [Theory]
    [InlineData(new string[0], "Name an example.")]
    [InlineData(new[] { "nope", "check" }, "Unknown example 'nope'.")]
    [InlineData(new[] { "2pc" }, "Name a mode for '2pc'.")]
    [InlineData(new[] { "2pc", "fly" }, "Unknown mode 'fly' for 2pc.")]
    [InlineData(new[] { "2pc", "check", "zero" }, "RESOURCE_MANAGER_COUNT must be a positive integer, not 'zero'.")]
    [InlineData(new[] { "2pc", "check", "--threads", "0" }, "Unknown option or bad value: --threads 0")]
    [InlineData(new[] { "2pc", "check", "--threads" }, "Option '--threads' needs a value.")]
    [InlineData(new[] { "2pc", "check", "--durable" }, "2pc does not take --durable.")]
    [InlineData(new[] { "raft", "check", "3", "deep" }, "DEPTH must be a positive integer, not 'deep'.")]
    [InlineData(new[] { "raft", "check", "3", "4", "lossy" }, "NETWORK must be one of")]
    public void Bad_arguments_print_usage_and_exit_2(string[] args, string message)
    {
        var (code, _, error) = Run(args);
        Assert.Equal(2, code);
        if (args.Length > 0) Assert.Contains(message, error);
        Assert.Contains("Usage: dotnet run -c Release --project samples/Examples --", error);
    }

    [Theory]
    [Trait("Category", "Parity")] // a large run: `dotnet test -p:TestSuite=parity`
    [InlineData(false, "Model checking Raft with 3 servers.\n", "Discovered \"Election Safety\" counterexample")]
    [InlineData(true, "Model checking Raft with 3 servers (durable).\n", "Discovered \"Log Liveness\" example")]
    public void Checks_raft_to_a_depth_with_or_without_durable_servers(bool durable, string header, string discovery)
    {
        var (code, output, _) = durable ? Run("raft", "check", "3", "10", "--durable", "--threads", "2") : Run("raft", "check", "3", "10", "--threads", "2");
        Assert.Equal(0, code);
        Assert.StartsWith(header, output.Replace("\r\n", "\n"));
        Assert.Contains("Done. states=", output);
        Assert.Contains(", depth=10, sec=", output);
        Assert.Contains(discovery, output);
        Assert.Equal(!durable, output.Contains("\"Election Safety\" counterexample", StringComparison.Ordinal));
    }

    /// <summary>The quick version of the depth-10 runs: a leader is elected, no safety violation yet.</summary>
    [Fact]
    public void Checks_raft_to_a_shallow_depth()
    {
        var (code, output, _) = Run("raft", "check", "3", "6", "--threads", "2");
        Assert.Equal(0, code);
        Assert.StartsWith("Model checking Raft with 3 servers.\n", output.Replace("\r\n", "\n"));
        Assert.Contains(", depth=6, sec=", output);
        Assert.Contains("Discovered \"Election Liveness\" example", output);
        Assert.DoesNotContain("\"Election Safety\" counterexample", output);
    }

    [Fact]
    public void Help_lists_every_example()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        foreach (var example in ExampleRegistry.All) Assert.Contains(example.Name, output);
    }
}
