namespace Stateright;

/// <summary>
/// Where a trace file named by a relative path is: beside the source file that names it (snapshots live
/// beside the test's source file), else in the current directory (a test's is its output folder, where
/// trace artifacts are written under <c>stateright-traces/</c>). A file found nowhere is reported with
/// every full path tried.
/// </summary>
internal static class TraceFileLocation
{
    /// <summary>
    /// The full path of <paramref name="traceFile"/>: as given when absolute; when relative, the first that
    /// exists of the folder of <paramref name="callerFilePath"/> (when known) and the current directory.
    /// </summary>
    /// <exception cref="FileNotFoundException">No file is at any path tried; the message names each, and what to do.</exception>
    public static string Resolve(string traceFile, string? callerFilePath)
    {
        ArgumentNullException.ThrowIfNull(traceFile);
        if (System.IO.Path.IsPathFullyQualified(traceFile))
        {
            if (File.Exists(traceFile)) return traceFile;
            throw new FileNotFoundException($"No trace file at {traceFile}.", traceFile);
        }
        var tried = new List<string>();
        var callerDirectory = string.IsNullOrEmpty(callerFilePath) || !System.IO.Path.IsPathFullyQualified(callerFilePath)
            ? null : System.IO.Path.GetDirectoryName(callerFilePath);
        if (callerDirectory is not null)
        {
            var beside = System.IO.Path.GetFullPath(System.IO.Path.Combine(callerDirectory, traceFile));
            if (File.Exists(beside)) return beside;
            tried.Add($"{beside} (beside the calling source file {System.IO.Path.GetFileName(callerFilePath)})");
        }
        var current = System.IO.Path.GetFullPath(traceFile);
        if (File.Exists(current)) return current;
        tried.Add($"{current} (in the current directory)");

        var message = $"No trace file \"{traceFile}\": looked for {string.Join(" and ", tried)}. ";
        message += callerDirectory is null
            ? "A relative path is resolved against the current directory here; Model.PathFromTraceFile also looks beside the calling source file. "
            : "A relative path is resolved against the folder of the source file that calls PathFromTraceFile, then against the current directory (a test's is its output folder, bin/…). ";
        if (callerDirectory is not null && !Directory.Exists(callerDirectory))
            message += $"The calling source file's folder {callerDirectory} does not exist on this machine (built with deterministic source paths, ContinuousIntegrationBuild=true?). ";
        message += "Snapshots (*.verified.txt) are beside the test's source file, trace artifacts under stateright-traces/ in the test's output folder; or pass an absolute path.";
        throw new FileNotFoundException(message, current);
    }
}
