using System.Text;

namespace Stateright.Testing;

/// <summary>
/// The one command line that opens a discovery in the Explorer (<c>stateright explore</c>), which a model
/// test's failure message ends with.
/// </summary>
internal static class ExploreCommandLine
{
    /// <summary>
    /// "Step through it in the browser: stateright explore "FILE" --assembly "DLL"": the snapshot file when there is one
    /// (the received one, else the verified one), else the method and the index path.
    /// </summary>
    public static string For(ModelMethod method, Snapshots.SnapshotPaths? paths, string indexPath)
    {
        var assembly = method.TestClass.Assembly.Location;
        var target = paths is null ? null : File.Exists(paths.Received) ? paths.Received : File.Exists(paths.Verified) ? paths.Verified : null;
        var command = new StringBuilder("stateright explore ");
        if (target is not null) command.Append(Quote(target));
        else command.Append(Quote(Snapshots.SnapshotPaths.TypeName(method.TestClass) + "." + method.Method.Name)).Append(" --path ").Append(indexPath);
        command.Append(" --assembly ").Append(Quote(assembly));
        return "Step through it in the browser: " + command;
    }

    /// <summary>Double quotes around an argument that needs them (spaces, quotes; property names often have spaces).</summary>
    internal static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || c is '.' or '/' or '\\' or '-' or '_' or ':')
            ? argument
            : "\"" + argument.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
