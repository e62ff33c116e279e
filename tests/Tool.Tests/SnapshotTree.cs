using System.Text;

namespace Stateright.Testing.Tool.Tests;

/// <summary>A temporary directory of snapshot files, deleted on dispose, and the tool run on it.</summary>
internal sealed class SnapshotTree : IDisposable
{
    public SnapshotTree() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "stateright-tool-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Writes <paramref name="text"/> (UTF-8 with a BOM, like the snapshots) at <paramref name="relativePath"/>.</summary>
    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return path;
    }

    public bool Exists(string relativePath) => File.Exists(Path.Combine(Root, relativePath));

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    /// <summary>Every file under the root, relative, with '/' separators, sorted.</summary>
    public IReadOnlyList<string> Files() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

    /// <summary>Runs the tool with <paramref name="args"/> followed by the root directory.</summary>
    public (int Code, string Output, string Error) RunOnRoot(params string[] args) => Run([.. args, Root]);

    /// <summary>Runs the tool in-process with exactly <paramref name="args"/>.</summary>
    public static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = StaterightTool.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}
