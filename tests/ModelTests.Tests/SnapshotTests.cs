using System.Text;
using Stateright.Snapshots;

namespace Stateright.Tests.Testing;

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
        Assert.Equal(SnapshotStatus.New, first.Status);
        Assert.Contains("New:\n  - Received: SnapshotTests.Method.prop.received.txt\n    Verified: SnapshotTests.Method.prop.verified.txt", first.Describe(Local));
        Assert.Contains("stateright accept", first.Describe(Local));
        Assert.True(File.Exists(paths.Received));
        Assert.False(File.Exists(paths.Verified));

        Assert.Equal([paths.Verified], SnapshotFiles.Accept(_directory));
        Assert.False(File.Exists(paths.Received));
        var second = SnapshotVerifier.Verify(paths, "step 1\r\nstep 2", Local); // line endings and the trailing newline do not matter
        Assert.True(second.Matched);
    }

    [Fact]
    public void An_unexpected_counterexample_s_received_file_has_the_same_bytes_and_a_marker_beside_it()
    {
        var expected = Paths("expected");
        var unexpected = Paths("unexpected");
        SnapshotVerifier.Verify(expected, "step 1\nstep 2", Local);
        var result = SnapshotVerifier.Verify(unexpected, "step 1\nstep 2", Local with { AutoAccept = true },
            new SnapshotRole(new UnexpectedCounterexample("unexpected", "Ns.SnapshotTests.Method"), RecordWhenNew: false));
        Assert.Equal(SnapshotStatus.New, result.Status); // never auto-accepted
        Assert.Equal(File.ReadAllBytes(expected.Received), File.ReadAllBytes(unexpected.Received));
        Assert.Null(UnexpectedCounterexample.ReadMarker(expected.Received));
        Assert.Equal(new UnexpectedCounterexample("unexpected", "Ns.SnapshotTests.Method"), UnexpectedCounterexample.ReadMarker(unexpected.Received));
        Assert.Contains("stateright accept --include-unexpected", result.Describe(Local));

        Assert.Equal([expected.Verified], SnapshotFiles.Accept(_directory)); // the unexpected one is left alone
        Assert.True(File.Exists(unexpected.Received));
        Assert.Equal([unexpected.Verified], SnapshotFiles.Accept(_directory, includeUnexpected: true));
        Assert.Equal(File.ReadAllBytes(expected.Verified), File.ReadAllBytes(unexpected.Verified));
        Assert.False(File.Exists(UnexpectedCounterexample.MarkerFor(unexpected.Received)));

        // A later comparison removes a stale marker with the stale received file.
        new UnexpectedCounterexample("p", "M").WriteMarker(unexpected.Received);
        Assert.True(SnapshotVerifier.Verify(unexpected, "step 1\nstep 2", Local).Matched);
        Assert.False(File.Exists(UnexpectedCounterexample.MarkerFor(unexpected.Received)));
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
        Assert.Equal(SnapshotStatus.Different, result.Status);
        Assert.Contains("NotEqual:", result.Describe(Local));
        Assert.Contains("-3. Get(2)\n+3. Get(3)\n", result.Describe(Local));
        Assert.Contains("@@ -1,3 +1,3 @@", result.Describe(Local));
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
            Assert.True(environment.AutoAcceptIgnored);
            var message = SnapshotVerifier.Verify(Paths(), "trace", environment).Describe(environment);
            Assert.Contains($"{SnapshotEnvironment.AutoAcceptVariable} is set but was ignored: this is a CI build", message);
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
        Assert.Equal(SnapshotStatus.Accepted, result.Status);
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

    [Fact]
    public void A_name_too_long_for_a_file_is_shortened_with_a_stable_hash_of_the_whole_name()
    {
        var paths = SnapshotPaths.ForProperties(_directory, "Tests", "M", [new string('x', 299) + "a", new string('x', 299) + "b", "short"]);
        var a = paths[new string('x', 299) + "a"].Prefix;
        Assert.Equal(SnapshotPaths.MaxPrefixBytes, Encoding.UTF8.GetByteCount(a));
        Assert.StartsWith("Tests.M.xxxx", a);
        Assert.Equal("Tests.M." + new string('x', 163) + "~", a[..^8]);
        Assert.Equal(a, SnapshotPaths.For(_directory, "Tests", "M", new string('x', 299) + "a").Prefix); // the same every time
        Assert.NotEqual(a[^8..], paths[new string('x', 299) + "b"].Prefix[^8..]);
        Assert.Equal("Tests.M.short", paths["short"].Prefix); // names that fit are unchanged
        var wide = SnapshotPaths.For(_directory, "Tests", "M", new string('é', 200)).Prefix; // two bytes each: never split
        Assert.InRange(Encoding.UTF8.GetByteCount(wide), SnapshotPaths.MaxPrefixBytes - 1, SnapshotPaths.MaxPrefixBytes);
    }

    [Fact]
    public async Task Writes_are_atomic_a_reader_sees_the_old_or_the_new_file_never_a_truncated_one()
    {
        var paths = Paths();
        var small = "small";
        var large = string.Join("\n", Enumerable.Range(0, 20_000).Select(i => $"step {i}"));
        SnapshotText.Write(paths.Verified, small);
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 100; i++) SnapshotText.Write(paths.Verified, i % 2 == 0 ? large : small);
            stop.Cancel();
        });
        var reads = 0;
        while (!stop.IsCancellationRequested)
        {
            string text;
            try { text = SnapshotText.Read(paths.Verified); }
            catch (IOException) { continue; } // Windows may refuse to open a file mid-rename; never a partial read
            Assert.True(text == small || text == large, $"read {text.Length} characters: a partial write");
            reads++;
        }
        await writer;
        Assert.True(reads > 0);
        Assert.Empty(Directory.EnumerateFiles(_directory, "*.tmp")); // no temporary file left behind
    }

    [Fact]
    public void Two_tests_claiming_one_snapshot_file_are_a_collision_named_with_both()
    {
        var paths = SnapshotPaths.For(_directory, typeof(Nested), "Model", "safe");
        Assert.Null(SnapshotRegistry.Claim(paths, "A.SnapshotTests+Nested.Model(safe)"));
        Assert.Null(SnapshotRegistry.Claim(paths, "A.SnapshotTests+Nested.Model(safe)")); // the same test again is fine
        var lowerCase = SnapshotPaths.For(_directory, typeof(Nested), "model", "SAFE"); // differs only in case
        Assert.Equal("A.SnapshotTests+Nested.Model(safe)", SnapshotRegistry.Claim(lowerCase, "B.SnapshotTests+Nested.model(SAFE)"));
        var message = SnapshotRegistry.CollisionMessage(paths, "B.SnapshotTests+Nested.model(SAFE)", "A.SnapshotTests+Nested.Model(safe)");
        Assert.Contains("B.SnapshotTests+Nested.model(SAFE) and A.SnapshotTests+Nested.Model(safe) both use SnapshotTests.Nested.Model.safe.verified.txt", message);
    }

    [Fact]
    public void Dangling_snapshots_are_the_verified_files_of_a_method_no_property_produces()
    {
        var current = SnapshotPaths.ForProperties(_directory, typeof(Nested), "M", ["kept"]).Values;
        SnapshotText.Write(Path.Combine(_directory, "SnapshotTests.Nested.M.kept.verified.txt"), "x");
        SnapshotText.Write(Path.Combine(_directory, "SnapshotTests.Nested.M.gone.verified.txt"), "x");
        SnapshotText.Write(Path.Combine(_directory, "SnapshotTests.Nested.Other.gone.verified.txt"), "x");
        var dangling = SnapshotFiles.Dangling(_directory, typeof(Nested), "M", current);
        Assert.Equal(["SnapshotTests.Nested.M.gone.verified.txt"], dangling.Select(Path.GetFileName));
    }

    [Fact]
    public void A_snapshot_path_that_is_a_directory_is_reported_as_such()
    {
        var paths = Paths();
        Directory.CreateDirectory(paths.Verified);
        var e = Assert.Throws<IOException>(() => SnapshotVerifier.Verify(paths, "trace", Local));
        Assert.Contains("is a directory, not a file", e.Message);
    }

    private static class Nested;
}
