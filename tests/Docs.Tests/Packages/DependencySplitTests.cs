namespace Stateright.Docs.Tests.Packages;

/// <summary>
/// Pins the package split: checking models pulls nothing, running actors on UDP pulls no snapshot or
/// diff tool, model tests pull no logging or UDP runtime, every front end gets the model-test contract, the
/// Explorer pulls only the checker (ASP.NET Core is a framework reference), and the template pack pulls nothing.
/// </summary>
public class DependencySplitTests
{
    private static readonly string[] Snapshots = ["DiffEngine", "EmptyFiles", "Stateright.Testing.ModelTests"];
    private static readonly string[] Logging = ["Microsoft.Extensions.Logging", "Stateright.Testing.Runtime"];

    [Fact]
    public void The_checker_package_depends_on_nothing()
    {
        var core = RestoreGraph.Of("src/Core");
        Assert.Empty(core.Packages);
        Assert.Empty(core.Projects);
    }

    [Fact]
    public void The_runtime_brings_logging_and_no_snapshots()
    {
        var runtime = RestoreGraph.Of("src/Runtime");
        Assert.Contains("Microsoft.Extensions.Logging.Abstractions", runtime.Packages);
        Assert.Equal(["Stateright.Testing"], runtime.Projects);
        Assert.Empty(runtime.Matching(Snapshots));
    }

    [Fact]
    public void Distributed_checking_brings_orleans_and_nothing_of_the_test_front_ends()
    {
        var distributed = RestoreGraph.Of("src/Distributed");
        Assert.Contains("Microsoft.Orleans.Sdk", distributed.Packages);
        Assert.Equal(["Stateright.Testing"], distributed.Projects);
        Assert.Empty(distributed.Matching(Snapshots));
        Assert.Empty(distributed.Matching(["Stateright.Testing.Runtime"]));
    }

    [Fact]
    public void The_model_test_contract_brings_snapshots_and_no_logging()
    {
        var modelTests = RestoreGraph.Of("src/ModelTests");
        Assert.Contains("DiffEngine", modelTests.Packages);
        Assert.Equal(["Stateright.Testing"], modelTests.Projects);
        Assert.Empty(modelTests.Matching(Logging));
    }

    [Fact]
    public void The_explorer_brings_the_checker_and_no_package()
    {
        // ASP.NET Core comes from the shared framework (a FrameworkReference), not from packages.
        var explorer = RestoreGraph.Of("src/Explorer");
        Assert.Empty(explorer.Packages);
        Assert.Equal(["Stateright.Testing"], explorer.Projects);
    }

    [Fact]
    public void The_template_pack_depends_on_nothing()
    {
        // Its templates reference the packages in the projects they create; the pack itself pulls nothing.
        var templates = RestoreGraph.Of("src/Templates");
        Assert.Empty(templates.Packages);
        Assert.Empty(templates.Projects);
    }

    [Theory]
    [InlineData("src/Xunit")]
    [InlineData("src/XunitV3")]
    [InlineData("src/NUnit")]
    [InlineData("src/TestAdapter")]
    [InlineData("tools/Stateright.Testing.Tool")]
    public void Front_ends_and_the_tool_get_the_model_test_contract_and_no_runtime(string folder)
    {
        var graph = RestoreGraph.Of(folder);
        Assert.Contains("Stateright.Testing.ModelTests", graph.Projects);
        Assert.Empty(graph.Matching(Logging));
    }
}
