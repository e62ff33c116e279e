using Stateright.Testing.EndToEnd;

namespace Stateright.Testing.NUnit.Tests;

/// <summary>The NUnit sample pins the same counterexamples as the xUnit sample, byte for byte.</summary>
public class SampleTests
{
    [Theory]
    [InlineData("linearizable")]
    [InlineData("get succeeds")]
    [InlineData("put succeeds")]
    public void The_NUnit_samples_snapshots_are_the_xunit_samples(string property)
    {
        var file = $"RegisterModelTests.SingleServer.{property}.verified.txt";
        var samples = Path.Combine(DotnetCli.RepositoryRoot(), "samples");
        Assert.Equal(File.ReadAllBytes(Path.Combine(samples, "GettingStarted.Tests", file)), File.ReadAllBytes(Path.Combine(samples, "GettingStarted.NUnitTests", file)));
    }
}
