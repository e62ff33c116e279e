using System.Xml.Linq;

namespace Stateright.Testing.EndToEnd;

/// <summary>Reads the results of a TRX report (VSTest's <c>--logger trx</c> or MTP's <c>--report-trx</c>).</summary>
public static class Trx
{
    /// <summary>One test result.</summary>
    /// <param name="Name">The <c>testName</c>.</param>
    /// <param name="Outcome">Passed, Failed, NotExecuted…</param>
    /// <param name="Message">The error message, or empty.</param>
    /// <param name="Output">Standard output, or empty.</param>
    /// <param name="Attachments">File names of the result's attachments.</param>
    public sealed record Result(string Name, string Outcome, string Message, string Output, IReadOnlyList<string> Attachments);

    private static readonly XNamespace s_ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>Every result in the report at <paramref name="path"/>.</summary>
    public static IReadOnlyList<Result> Read(string path) =>
        XDocument.Load(path).Descendants(s_ns + "UnitTestResult").Select(r => new Result(
            (string)r.Attribute("testName")!,
            (string)r.Attribute("outcome")!,
            r.Descendants(s_ns + "Message").FirstOrDefault()?.Value ?? "",
            r.Descendants(s_ns + "StdOut").FirstOrDefault()?.Value ?? "",
            r.Descendants(s_ns + "ResultFile").Select(f => Path.GetFileName((string)f.Attribute("path")!)).ToArray())).ToArray();

    /// <summary>The single TRX file under <paramref name="directory"/> (searched recursively).</summary>
    public static string Find(string directory) => Directory.EnumerateFiles(directory, "*.trx", SearchOption.AllDirectories).Single();
}
