using System.Text.RegularExpressions;

namespace Stateright.Testing.TestAdapter.Tests;

/// <summary>What VSTest's and Microsoft.Testing.Platform's reports of the whole fixture must both show.</summary>
internal static partial class ReportAssertions
{
    public static void OneResultPerPropertyWithTheExpectedOutcomes(FixtureBuild.Run run)
    {
        Assert.NotEqual(0, run.Result.ExitCode); // the fixture fails on purpose
        Assert.Equal(Expected.Outcomes.Count, run.Results.Count);
        Assert.Equal(Expected.Outcomes, run.Results.ToDictionary(r => r.Name, r => r.Outcome));
        foreach (var result in run.Results)
            Assert.Equal(Expected.FullyQualifiedName(result.Name), result.ClassName + "." + result.Name);
    }

    public static void MessagesExplainEachOutcome(FixtureBuild.Run run)
    {
        foreach (var (name, pieces) in Expected.Messages)
        {
            var message = run.Results.Single(r => r.Name == name).Result.Message;
            foreach (var piece in pieces) Assert.Contains(piece, message);
        }
    }

    public static void AttachmentsAreTheTraceTheDiagramAndTheSnapshots(FixtureBuild.Run run)
    {
        foreach (var (name, files) in Expected.Attachments)
            Assert.Equal(files.Order(StringComparer.Ordinal), run.Results.Single(r => r.Name == name).Result.Attachments.Order(StringComparer.Ordinal));
    }

    public static void TheCheckerRunsOncePerMethod(FixtureBuild.Run run)
    {
        foreach (var method in new[] { "FixtureModels.Mixed", "RegisterModelTests.SingleServer" })
        {
            var name = method.Split('.')[1];
            var numbers = run.Results
                .Where(r => r.Name.StartsWith(name + "(", StringComparison.Ordinal))
                .Select(r => Regex.Match(r.Result.Output, $@"Checker run #(\d+) for {Regex.Escape(method)} ").Groups[1].Value)
                .ToArray();
            Assert.True(numbers.Length >= 3, method);
            Assert.All(numbers, n => Assert.NotEqual("", n));
            Assert.Single(numbers.Distinct());
        }
        // Every method has its own run: the numbers of different methods differ.
        var all = run.Results.Select(r => RunNumber().Match(r.Result.Output)).Where(m => m.Success)
            .GroupBy(m => m.Groups[2].Value).Select(g => g.Select(m => m.Groups[1].Value).Distinct().Single()).ToArray();
        Assert.Equal(all.Length, all.Distinct().Count());
    }

    [GeneratedRegex(@"Checker run #(\d+) for (\S+) ")]
    private static partial Regex RunNumber();
}
