using Stateright.Testing.EndToEnd;

namespace Stateright.Testing.XunitV3.Tests;

/// <summary>
/// The getting-started sample in xUnit v3 form keeps the same snapshot files as the xUnit v2 sample;
/// the solution's test run runs both samples, so each front end is shown to produce exactly this text.
/// </summary>
public sealed class SampleSnapshotTests
{
    [Fact]
    public void The_v3_samples_snapshots_are_byte_identical_to_the_v2_samples()
    {
        var samples = Path.Combine(DotnetCli.RepositoryRoot(), "samples");
        var v2 = Directory.GetFiles(Path.Combine(samples, "GettingStarted.Tests"), "RegisterModelTests.SingleServer.*.verified.txt").Select(Path.GetFileName).Order().ToArray();
        var v3 = Directory.GetFiles(Path.Combine(samples, "GettingStarted.XunitV3Tests"), "*.verified.txt").Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(3, v2.Length);
        Assert.Equal(v2, v3);
        foreach (var file in v2)
            Assert.Equal(File.ReadAllBytes(Path.Combine(samples, "GettingStarted.Tests", file!)), File.ReadAllBytes(Path.Combine(samples, "GettingStarted.XunitV3Tests", file!)));
    }
}
