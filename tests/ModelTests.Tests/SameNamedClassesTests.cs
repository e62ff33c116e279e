using System.Reflection;
using Stateright.Snapshots;
using Stateright.Testing;
using Stateright.Tests.TestModels;

namespace Stateright.Tests.Testing
{
    /// <summary>
    /// A model-test attribute whose source file is in a folder the test chooses, so that two test classes
    /// of the same name have their snapshots in one (temporary) folder.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class InSharedFolderAttribute : Attribute, IModelTestAttribute
    {
        /// <summary>The folder the source file is in; set by the test before discovery.</summary>
        public static string Folder { get; set; } = Path.Combine(Path.GetTempPath(), "stateright-unset");

        public CheckEngine Engine => CheckEngine.Bfs;
        public int Threads => 1;
        public long TargetStateCount => 0;
        public int TargetMaxDepth => 0;
        public double TimeoutSeconds => 0;
        public bool Symmetry => false;
        public long Seed => 0;
        public string? Skip => null;
        public string SourceFilePath => Path.Combine(Folder, "Same2.cs");
        public int SourceLineNumber => 1;
    }

    public sealed class SameNamedClassesTests : IDisposable
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("stateright-same-named-").FullName;
        private static readonly SnapshotEnvironment Local = new(false, false, false);

        public SameNamedClassesTests() => InSharedFolderAttribute.Folder = _directory;

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        private static IReadOnlyList<ModelTestCase> Discover(Type type)
        {
            var method = type.GetMethod("M")!;
            return ModelTestDiscovery.Discover(method, method.GetCustomAttribute<InSharedFolderAttribute>()!);
        }

        private static async Task<ModelTestOutcome[]> RunAll(params Type[] types) =>
            await Task.WhenAll(types.SelectMany(Discover).Select(c => ModelTestRunner.RunAsync(c, Local)));

        [Fact]
        public async Task Classes_of_one_name_in_one_folder_neither_collide_nor_make_each_other_dangling()
        {
            var first = await RunAll(typeof(NsD.Same2), typeof(NsE.Same2));
            Assert.DoesNotContain(first, o => o.Kind == ModelTestOutcomeKind.Error); // no collision, even on "both"
            SnapshotFiles.Accept(_directory);
            var verified = Directory.GetFiles(_directory, "*.verified.txt").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal( // named with the namespace, as the class names alone are the same
                ["Stateright.Tests.Testing.NsD.Same2.M.both.verified.txt", "Stateright.Tests.Testing.NsD.Same2.M.p1.verified.txt",
                 "Stateright.Tests.Testing.NsE.Same2.M.both.verified.txt", "Stateright.Tests.Testing.NsE.Same2.M.p2.verified.txt"],
                verified);

            var second = await RunAll(typeof(NsD.Same2), typeof(NsE.Same2));
            foreach (var outcome in second)
            {
                Assert.True(outcome.Kind == ModelTestOutcomeKind.Passed, outcome.Message);
                Assert.DoesNotContain("Dangling", outcome.Message, StringComparison.Ordinal);
                Assert.DoesNotContain("delete", outcome.Message, StringComparison.OrdinalIgnoreCase);
            }
            Assert.Equal(verified, Directory.GetFiles(_directory, "*.verified.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }

        [Fact]
        public async Task Snapshots_named_before_the_class_name_was_shared_are_reported_with_a_rename_never_a_delete()
        {
            SnapshotText.Write(Path.Combine(_directory, "Same2.M.p1.verified.txt"), "pinned before NsE.Same2 existed");
            var first = (await RunAll(typeof(NsD.Same2)))[0];
            Assert.Contains("Snapshots named without the namespace, Same2.M.p1.verified.txt, are used by no test", first.Message);
            Assert.Contains("Rename each to the name of the class it belongs to", first.Message);
            Assert.DoesNotContain("delete", first.Message, StringComparison.OrdinalIgnoreCase);
            Assert.True(File.Exists(Path.Combine(_directory, "Same2.M.p1.verified.txt")));
        }
    }
}

namespace Stateright.Tests.Testing.NsD
{
    public static class Same2
    {
        [InSharedFolder]
        [ExpectDiscovery("p1")]
        public static CountUpTo M() => new(3, Property<int>.Always("ok", s => s < 10), Property<int>.Always("p1", s => s < 2), Property<int>.Sometimes("both", s => s == 3));
    }
}

namespace Stateright.Tests.Testing.NsE
{
    public static class Same2
    {
        [InSharedFolder]
        [ExpectDiscovery("p2")]
        public static CountUpTo M() => new(3, Property<int>.Always("ok", s => s < 10), Property<int>.Always("p2", s => s < 1), Property<int>.Sometimes("both", s => s == 2));
    }
}
