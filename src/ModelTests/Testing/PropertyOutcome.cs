using Stateright.Snapshots;

namespace Stateright.Testing;

/// <summary>
/// Turns one property's verdict into a test outcome: the verdict (with <see cref="ExpectDiscoveryAttribute"/>),
/// the snapshot comparison of its trace, dangling snapshots, and the artifacts to attach.
/// </summary>
internal static class PropertyOutcome
{
    /// <summary>Where trace and diagram artifacts are written: beside the test assembly.</summary>
    internal static string ArtifactDirectory => Path.Combine(AppContext.BaseDirectory, "stateright-traces");

    public static ModelTestOutcome Evaluate(ModelTestCase testCase, ModelRunResult result, IReadOnlyList<string> runOutput, SnapshotEnvironment environment)
    {
        var name = testCase.Property!;
        var method = testCase.Method;
        var verdict = result.Verdicts.FirstOrDefault(v => v.Name == name);
        if (verdict is null) return ModelTestOutcome.Error($"{method.FullName}: {ErrorMessages.UnknownProperty(name, result.Verdicts.Select(v => v.Name))}", runOutput);

        var output = new List<string>(runOutput);
        var artifacts = new List<ModelTestArtifact>();
        if (verdict.Trace is not null) WriteArtifacts(testCase, verdict, artifacts, output);
        // Only a case that did not pass carries its artifacts: runners list or copy every attachment
        // (MTP prints each file of every test), and a pass's trace matches its verified snapshot anyway.
        ModelTestOutcome Outcome(ModelTestOutcomeKind kind, string message) =>
            new(kind, message.TrimEnd('\n'), output, result.Elapsed, kind == ModelTestOutcomeKind.Passed ? [] : artifacts);

        var expected = testCase.Options.ExpectedDiscoveries.Contains(name);
        var header = $"Property \"{name}\" ({verdict.Expectation})";
        var methodDangling = result.Status == CheckerStatus.Exhausted && result.Verdicts[0].Name == name ? MethodDangling(method, result) : "";

        switch (verdict.Kind)
        {
            case VerdictKind.Error:
                return Outcome(ModelTestOutcomeKind.Error, verdict.Message);
            case VerdictKind.Incomplete:
                return Outcome(ModelTestOutcomeKind.Incomplete, verdict.Message);
            case VerdictKind.NoExample:
                return Outcome(ModelTestOutcomeKind.Failed, verdict.Message + methodDangling);
            case VerdictKind.Holds when expected:
                return Outcome(ModelTestOutcomeKind.Failed, $"{header}: expected a counterexample ([ExpectDiscovery]) but the property holds ({result.Summary}). " +
                    $"If the bug is fixed, remove [ExpectDiscovery(\"{name}\")] from {method.FullName}{DeleteOwnSnapshot(testCase, result)}." + methodDangling);
            case VerdictKind.Holds:
                var dangling = PropertyDangling(testCase, result, environment, output);
                return dangling.Length + methodDangling.Length > 0
                    ? Outcome(ModelTestOutcomeKind.Failed, verdict.Message + dangling + methodDangling)
                    : Outcome(ModelTestOutcomeKind.Passed, verdict.Message);
        }

        // A discovery: compare its trace with the snapshot.
        var paths = Paths(method, result)[name];
        if (SnapshotRegistry.Claim(paths, testCase.FullyQualifiedName) is { } other)
            return Outcome(ModelTestOutcomeKind.Error, SnapshotRegistry.CollisionMessage(paths, testCase.FullyQualifiedName, other));
        var unexpected = verdict.Kind == VerdictKind.Violated && !expected;
        SnapshotResult snapshot;
        try
        {
            var role = unexpected ? new SnapshotRole(new UnexpectedCounterexample(name, method.FullName), RecordWhenNew: false)
                : verdict.Kind == VerdictKind.ExampleFound ? SnapshotRole.Example : SnapshotRole.Expected;
            snapshot = SnapshotVerifier.Verify(paths, verdict.Trace!, environment, role);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Outcome(ModelTestOutcomeKind.Error, $"{header}: its snapshot {paths.Verified} could not be compared: {e.Message}\n{verdict.Trace}");
        }
        if (File.Exists(paths.Verified)) artifacts.Add(new ModelTestArtifact(paths.Verified, "Verified snapshot", ModelTestArtifactKind.VerifiedSnapshot));
        if (File.Exists(paths.Received)) artifacts.Add(new ModelTestArtifact(paths.Received, "Received snapshot", ModelTestArtifactKind.ReceivedSnapshot));
        if (snapshot.Status == SnapshotStatus.Accepted) output.Add($"Accepted {paths.Verified} ({SnapshotEnvironment.AutoAcceptVariable}=true).");
        if (snapshot.Status == SnapshotStatus.Recorded) output.Add($"Recorded {paths.Verified}: the first example of \"{name}\" is its verified snapshot now; commit it. A run that finds another example fails with the diff.");

        var noun = verdict.Kind == VerdictKind.Violated ? "counterexample" : "example";
        // A failing discovery's message ends with the command line that opens it in the Explorer.
        string Explore() => "\n" + ExploreCommandLine.For(method, paths, IndexPathOf(verdict.Trace!));
        if (unexpected)
        {
            var message = $"{verdict.Message}If this counterexample is a known bug, add [ExpectDiscovery(\"{name}\")] to {method.FullName} and accept its snapshot.";
            return Outcome(ModelTestOutcomeKind.Failed, message + (snapshot.Matched ? "" : "\n" + snapshot.Describe(environment)) + methodDangling + Explore());
        }
        if (!snapshot.Matched)
        {
            var what = snapshot.Status == SnapshotStatus.New ? "has no verified snapshot yet" : "differs from its verified snapshot";
            return Outcome(ModelTestOutcomeKind.Failed, $"{header}: the {noun} {what}.\n{verdict.Trace}\n{snapshot.Describe(environment)}{methodDangling}{Explore()}");
        }
        var found = verdict.Kind == VerdictKind.Violated ? "the expected counterexample" : "an example";
        var passed = snapshot.Status switch
        {
            SnapshotStatus.Recorded => $"{header}: an example was found. It had no verified snapshot yet, so it was recorded as {Path.GetFileName(paths.Verified)}: commit that file.",
            SnapshotStatus.NotRecorded => $"{header}: an example was found. It has no verified snapshot ({Path.GetFileName(paths.Verified)}), and it is not recorded on a CI build: run the tests locally to record it.",
            _ => $"{header}: {found} was found and matches {Path.GetFileName(paths.Verified)}.",
        };
        return methodDangling.Length > 0 ? Outcome(ModelTestOutcomeKind.Failed, passed + methodDangling) : Outcome(ModelTestOutcomeKind.Passed, passed);
    }

    /// <summary>The "Index path:" line of a trace text, without its marker.</summary>
    private static string IndexPathOf(string trace)
    {
        const string marker = "Index path:";
        var line = trace.Split('\n').LastOrDefault(l => l.StartsWith(marker, StringComparison.Ordinal));
        return line is null ? "" : line[marker.Length..].Trim();
    }

    private static IReadOnlyDictionary<string, SnapshotPaths> Paths(ModelMethod method, ModelRunResult result) =>
        method.SnapshotPathsFor(result.Verdicts.Select(v => v.Name));

    /// <summary>" and delete X.verified.txt" when the property's snapshot exists and no other test uses that file; otherwise empty.</summary>
    private static string DeleteOwnSnapshot(ModelTestCase testCase, ModelRunResult result)
    {
        if (!testCase.Method.HasSnapshotDirectory) return "";
        var paths = Paths(testCase.Method, result)[testCase.Property!];
        if (!File.Exists(paths.Verified) || SnapshotRegistry.Claim(paths, testCase.FullyQualifiedName) is not null) return "";
        return $" and delete {Path.GetFileName(paths.Verified)}";
    }

    /// <summary>A property that holds, whose verified snapshot is left from a discovery that went away.</summary>
    private static string PropertyDangling(ModelTestCase testCase, ModelRunResult result, SnapshotEnvironment environment, List<string> output)
    {
        var method = testCase.Method;
        if (!method.HasSnapshotDirectory) return "";
        var paths = Paths(method, result)[testCase.Property!];
        var verified = paths.Verified;
        if (!File.Exists(verified)) return "";
        // Another test of this process uses the file: it is not left over, and must never be deleted.
        if (SnapshotRegistry.Claim(paths, testCase.FullyQualifiedName) is { } other)
            return "\n" + SnapshotRegistry.CollisionMessage(paths, testCase.FullyQualifiedName, other);
        if (environment.AutoAccept)
        {
            File.Delete(verified);
            output.Add($"Deleted {verified}: the property holds now ({SnapshotEnvironment.AutoAcceptVariable}=true).");
            return "";
        }
        return $"\nBut its snapshot {Path.GetFileName(verified)} is left from an earlier discovery that no longer happens: delete it (dangling snapshot, in {Path.GetDirectoryName(verified)}).";
    }

    /// <summary>Verified snapshots of the method that belong to no property of the model (renamed or removed), reported on its first case.</summary>
    private static string MethodDangling(ModelMethod method, ModelRunResult result)
    {
        if (!method.HasSnapshotDirectory) return "";
        var directory = method.SnapshotDirectory;
        var index = ModelTestIndex.Of(method.TestClass.Assembly);
        var others = index.OtherPrefixes(directory, method.TestClass, method.Method.Name).ToArray();
        var files = SnapshotFiles.Dangling(directory, method.SnapshotClassName, method.Method.Name, Paths(method, result).Values, others)
            .Where(f => !ClaimedByAnother(f, method)).ToArray();
        var message = files.Length == 0 ? "" :
            $"\nDangling snapshots of {method.FullName}, produced by no property of its model any more (renamed or removed?): {string.Join(", ", files.Select(Path.GetFileName))}. " +
            "No test of this assembly uses them: delete them, or restore the property.";
        var shortName = SnapshotPaths.TypeName(method.TestClass);
        if (method.SnapshotClassName == shortName) return message;
        // The class's snapshots are named with its namespace because another class of its name has model tests
        // in this folder; files named without it are from before, and used by neither class now.
        var former = SnapshotFiles.Dangling(directory, shortName, method.Method.Name, [], others);
        return former.Count == 0 ? message : message +
            $"\nSnapshots named without the namespace, {string.Join(", ", former.Select(Path.GetFileName))}, are used by no test: another class named {shortName} has model tests in this folder, " +
            $"so {method.FullName}'s snapshots are now named {SnapshotPaths.FileSafe(method.SnapshotClassName)}.{SnapshotPaths.FileSafe(method.Method.Name)}.<property>.verified.txt. " +
            "Rename each to the name of the class it belongs to (the namespace first).";
    }

    /// <summary>True when a test of another method claimed <paramref name="verified"/> in this process.</summary>
    private static bool ClaimedByAnother(string verified, ModelMethod method) =>
        SnapshotRegistry.OwnerOf(verified) is { } owner && !owner.StartsWith(method.FullName + "(", StringComparison.Ordinal);

    private static void WriteArtifacts(ModelTestCase testCase, PropertyVerdict verdict, List<ModelTestArtifact> artifacts, List<string> output)
    {
        var prefix = SnapshotPaths.For(ArtifactDirectory, testCase.Method.ArtifactClassName, testCase.Method.Method.Name, verdict.Name).Prefix;
        try
        {
            var trace = Path.Combine(ArtifactDirectory, prefix + ".trace.txt");
            SnapshotText.Write(trace, verdict.Trace!);
            artifacts.Add(new ModelTestArtifact(trace, $"Trace of \"{verdict.Name}\"", ModelTestArtifactKind.Trace));
            if (verdict.Diagram is null) return;
            var diagram = Path.Combine(ArtifactDirectory, prefix + ".mmd");
            SnapshotText.Write(diagram, verdict.Diagram);
            artifacts.Add(new ModelTestArtifact(diagram, $"Sequence diagram of \"{verdict.Name}\" (Mermaid)", ModelTestArtifactKind.SequenceDiagram));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            output.Add($"Could not write the trace artifact to {ArtifactDirectory}: {e.Message}");
        }
    }
}
