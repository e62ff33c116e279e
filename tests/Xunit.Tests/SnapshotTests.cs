using System.Text;
using Stateright.Snapshots;

namespace Stateright.Testing.Xunit.Tests;

public sealed class SnapshotTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("stateright-snapshots-").FullName;
    private static readonly SnapshotEnvironment Local = new(IsContinuousIntegration: false, DiffToolEnabled: false, AutoAccept: false);
    private static readonly SnapshotEnvironment Ci = new(IsContinuousIntegration: true, DiffToolEnabled: false, AutoAccept: false);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private SnapshotPaths Paths(string property = "prop") => SnapshotPaths.For(_directory, typeof(SnapshotTests), "Method", property);

    [Fact]
    public void First_run_writes_received_and_fails_then_accept_makes_it_pass()
    {
        var paths = Paths();
        var first = SnapshotVerifier.Verify(paths, "step 1\nstep 2\n", Local);
        Assert.False(first.Matched);
        Assert.True(first.IsNew);
        Assert.Contains("New:\n  - Received: SnapshotTests.Method.prop.received.txt\n    Verified: SnapshotTests.Method.prop.verified.txt", first.Message);
        Assert.True(File.Exists(paths.Received));
        Assert.False(File.Exists(paths.Verified));

        Assert.Equal([paths.Verified], SnapshotFiles.Accept(_directory));
        Assert.False(File.Exists(paths.Received));
        var second = SnapshotVerifier.Verify(paths, "step 1\r\nstep 2", Local); // line endings and the trailing newline do not matter
        Assert.True(second.Matched);
    }

    [Fact]
    public void Files_use_verify_text_conventions()
    {
        var paths = Paths();
        SnapshotVerifier.Verify(paths, "a\r\nb\n\n", Local);
        var bytes = File.ReadAllBytes(paths.Received);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("a\nb", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void A_changed_trace_writes_received_and_shows_a_unified_diff()
    {
        var paths = Paths();
        SnapshotText.Write(paths.Verified, "1. Put(1, 'A')\n2. PutOk(1)\n3. Get(2)");
        var result = SnapshotVerifier.Verify(paths, "1. Put(1, 'A')\n2. PutOk(1)\n3. Get(3)", Local);
        Assert.False(result.Matched);
        Assert.False(result.IsNew);
        Assert.Contains("NotEqual:", result.Message);
        Assert.Contains("-3. Get(2)\n+3. Get(3)\n", result.Message);
        Assert.Contains("@@ -1,3 +1,3 @@", result.Message);
        Assert.Equal("1. Put(1, 'A')\n2. PutOk(1)\n3. Get(3)", SnapshotText.Read(paths.Received));
    }

    [Fact]
    public void On_ci_nothing_is_written_to_verified_even_with_auto_accept_requested()
    {
        var paths = Paths();
        var result = SnapshotVerifier.Verify(paths, "trace", Ci with { AutoAccept = false });
        Assert.False(result.Matched);
        Assert.False(File.Exists(paths.Verified));
        Assert.True(File.Exists(paths.Received)); // kept as a build artifact, as Verify does
    }

    [Fact]
    public void The_process_environment_is_ci_when_CI_is_truthy_and_then_never_auto_accepts()
    {
        var before = (Environment.GetEnvironmentVariable("CI"), Environment.GetEnvironmentVariable(SnapshotEnvironment.AutoAcceptVariable));
        try
        {
            Environment.SetEnvironmentVariable("CI", "true");
            Environment.SetEnvironmentVariable(SnapshotEnvironment.AutoAcceptVariable, "true");
            var environment = SnapshotEnvironment.FromProcess();
            Assert.True(environment.IsContinuousIntegration);
            Assert.False(environment.DiffToolEnabled);
            Assert.False(environment.AutoAccept);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CI", before.Item1);
            Environment.SetEnvironmentVariable(SnapshotEnvironment.AutoAcceptVariable, before.Item2);
        }
    }

    [Fact]
    public void Auto_accept_writes_verified_locally()
    {
        var paths = Paths();
        var result = SnapshotVerifier.Verify(paths, "trace", Local with { AutoAccept = true });
        Assert.True(result.Matched);
        Assert.Equal("trace", SnapshotText.Read(paths.Verified));
        Assert.False(File.Exists(paths.Received));
    }

    [Fact]
    public void A_stale_received_file_is_removed_when_the_trace_matches()
    {
        var paths = Paths();
        SnapshotText.Write(paths.Verified, "trace");
        SnapshotText.Write(paths.Received, "an older, different trace");
        Assert.True(SnapshotVerifier.Verify(paths, "trace", Local).Matched);
        Assert.False(File.Exists(paths.Received));
    }

    [Fact]
    public void Names_are_file_safe_nested_and_unique_ignoring_case()
    {
        Assert.Equal("SnapshotTests.Nested", SnapshotPaths.TypeName(typeof(Nested)));
        Assert.Equal("SnapshotTests.Nested.M.a-b-c", SnapshotPaths.For(_directory, typeof(Nested), "M", "a/b:c").Prefix);
        var paths = SnapshotPaths.ForProperties(_directory, typeof(Nested), "M", ["Leader", "leader", "LEADER"]);
        Assert.Equal(3, paths.Values.Select(p => p.Prefix.ToLowerInvariant()).Distinct().Count());
        Assert.Equal("SnapshotTests.Nested.M.leader_2", paths["leader"].Prefix);
    }

    private static class Nested;
}
