using Stateright.Tests.TestModels;

namespace Stateright.Tests;

/// <summary>Replaying a discovery through the model: <c>model.ParsePath</c> and <c>model.PathFromTraceFile</c>, types inferred.</summary>
public sealed class ReplayTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("stateright-replay-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static CountUpTo Model() => new(3, Property<int>.Always("small", s => s < 2));

    private string WriteTrace(string name)
    {
        var model = Model();
        var checker = model.Checker().SpawnBfs();
        checker.Join();
        var trace = TraceText.Discovery(model, model.Property("small"), checker.Discovery("small")!);
        var file = System.IO.Path.Combine(_directory, name);
        File.WriteAllText(file, trace);
        return file;
    }

    [Fact]
    public void ParsePath_infers_the_model_s_types()
    {
        var path = Model().ParsePath("0/0/0");
        Assert.Equal([0, 1, 2], path.States);
        Assert.Throws<FormatException>(() => Model().ParsePath("0/x"));
    }

    [Fact]
    public void PathFromTraceFile_resolves_a_relative_path_beside_the_calling_source_file()
    {
        WriteTrace("Tests.M.small.verified.txt");
        var caller = System.IO.Path.Combine(_directory, "Tests.cs"); // what [CallerFilePath] gives a test in that folder
        var path = Model().PathFromTraceFile("Tests.M.small.verified.txt", caller);
        Assert.Equal([0, 1, 2], path.States);
    }

    [Fact]
    public void PathFromTraceFile_takes_an_absolute_path_as_it_is()
    {
        var file = WriteTrace("trace.txt");
        Assert.Equal(2, Model().PathFromTraceFile(file).Length);
    }

    [Fact]
    public void A_missing_trace_file_is_reported_with_every_full_path_tried()
    {
        var caller = System.IO.Path.Combine(_directory, "Tests.cs");
        var e = Assert.Throws<FileNotFoundException>(() => Model().PathFromTraceFile("Missing.verified.txt", caller));
        Assert.Contains(System.IO.Path.Combine(_directory, "Missing.verified.txt") + " (beside the calling source file Tests.cs)", e.Message);
        Assert.Contains(System.IO.Path.GetFullPath("Missing.verified.txt") + " (in the current directory)", e.Message);
        Assert.Contains("Snapshots (*.verified.txt) are beside the test's source file", e.Message);

        // The static form resolves against the current directory only, and says so.
        var fromStatic = Assert.Throws<FileNotFoundException>(() => Path<int, int>.FromTraceFile(Model(), "Missing.verified.txt"));
        Assert.Contains(System.IO.Path.GetFullPath("Missing.verified.txt"), fromStatic.Message);
        Assert.Contains("PathFromTraceFile also looks beside the calling source file", fromStatic.Message);
    }
}
