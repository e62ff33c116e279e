using System.Xml.Linq;
using Stateright.Testing.EndToEnd;

namespace Stateright.Testing.TestAdapter.Tests;

/// <summary>The shared TRX reader's results, with the class name each result's test definition carries.</summary>
public static class TrxReport
{
    private static readonly XNamespace s_ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>A TRX result and its test's class name.</summary>
    public sealed record Entry(Trx.Result Result, string ClassName)
    {
        public string Name => Result.Name;

        public string Outcome => Result.Outcome;
    }

    public static IReadOnlyList<Entry> Read(string path)
    {
        var document = XDocument.Load(path);
        var classes = document.Descendants(s_ns + "UnitTest").ToDictionary(
            t => (string)t.Attribute("id")!,
            t => (string?)t.Element(s_ns + "TestMethod")?.Attribute("className") ?? "");
        var ids = document.Descendants(s_ns + "UnitTestResult").Select(r => (string)r.Attribute("testId")!).ToArray();
        var results = Trx.Read(path);
        return results.Select((r, i) => new Entry(r, classes.GetValueOrDefault(ids[i], ""))).ToArray();
    }
}
