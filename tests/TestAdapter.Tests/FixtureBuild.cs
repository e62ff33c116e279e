using System.Reflection;
using Stateright.Testing.EndToEnd;

namespace Stateright.Testing.TestAdapter.Tests;

/// <summary>
/// tests/Fixtures/AdapterFixture for every test class of the collection (a plain class library with the
/// adapter and Microsoft.NET.Test.Sdk, and the Microsoft.Testing.Platform runner enabled), built with this
/// test project (a <c>ProjectReference</c> that references no assembly) and run at most once per runner.
/// The classes of the collection run one after the other, so child runs never compete for the machine's cores.
/// </summary>
public sealed class FixtureBuild : IDisposable
{
    public FixtureBuild()
    {
        Directory = Path.Combine(DotnetCli.RepositoryRoot(), "tests", "Fixtures", "AdapterFixture");
        Project = Path.Combine(Directory, "AdapterFixture.csproj");
        Configuration = typeof(FixtureBuild).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        Assembly = Path.Combine(Directory, "bin", Configuration, "net10.0", "AdapterFixture.dll");
        if (!File.Exists(Assembly))
            throw new InvalidOperationException($"{Assembly} does not exist: it is built with this test project (dotnet build tests/TestAdapter.Tests -c {Configuration}).");
        ResultsDirectory = System.IO.Directory.CreateTempSubdirectory("stateright-adapter-e2e-").FullName;
        _vstest = new(() => Report("vstest", VSTest("--logger", "trx;LogFileName=all.trx", "--results-directory", Path.Combine(ResultsDirectory, "vstest"))));
        _mtp = new(() => Report("mtp", TestingPlatform("--report-trx", "--report-trx-filename", "all.trx", "--results-directory", Path.Combine(ResultsDirectory, "mtp"))));
    }

    private readonly Lazy<Run> _vstest;
    private readonly Lazy<Run> _mtp;

    /// <summary>The whole fixture run once under VSTest (<c>dotnet test --logger trx</c>).</summary>
    public Run VSTestRun => _vstest.Value;

    /// <summary>The whole fixture run once under Microsoft.Testing.Platform (<c>dotnet run -- --report-trx</c>).</summary>
    public Run TestingPlatformRun => _mtp.Value;

    /// <summary>
    /// <c>dotnet test</c> on the built fixture under VSTest. The fixture enables the MTP runner, which the
    /// .NET 10 SDK refuses to drive through VSTest, so the VSTest runs switch it off for the invocation:
    /// the built assembly is the same, and VSTest's test host runs it as any class library.
    /// </summary>
    public DotnetCli.Result VSTest(params string[] args) => DotnetCli.Run(VSTestArguments(args));

    /// <summary>As <see cref="VSTest"/>, reading the output as it arrives (<see cref="DotnetCli.Stream"/>).</summary>
    public DotnetCli.StreamedResult VSTestStreamed(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        DotnetCli.Stream(VSTestArguments(args), environment: environment);

    private string[] VSTestArguments(string[] args) => ["test", Project, "-c", Configuration, "--no-build", "-p:EnableStaterightTestingRunner=false", .. args];

    /// <summary>The fixture as a Microsoft.Testing.Platform application: <c>dotnet run --no-build -- args…</c>.</summary>
    public DotnetCli.Result TestingPlatform(params string[] args) => DotnetCli.Run(TestingPlatformArguments(args));

    /// <summary>As <see cref="TestingPlatform"/>, reading the output as it arrives (<see cref="DotnetCli.Stream"/>).</summary>
    public DotnetCli.StreamedResult TestingPlatformStreamed(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        DotnetCli.Stream(TestingPlatformArguments(args), environment: environment);

    private string[] TestingPlatformArguments(string[] args) => ["run", "--project", Project, "-c", Configuration, "--no-build", "--", .. args];

    private Run Report(string name, DotnetCli.Result result)
    {
        var trx = Path.Combine(ResultsDirectory, name, "all.trx");
        if (!File.Exists(trx)) throw new InvalidOperationException($"The {name} run wrote no TRX report:\n" + result.Output);
        return new Run(result, TrxReport.Read(trx));
    }

    /// <summary>A run's exit code and output, and its TRX results.</summary>
    public sealed record Run(DotnetCli.Result Result, IReadOnlyList<TrxReport.Entry> Results);

    /// <summary>The fixture's directory (its verified snapshots live here).</summary>
    public string Directory { get; }

    public string Project { get; }

    public string Configuration { get; }

    /// <summary>The built fixture assembly (the test source).</summary>
    public string Assembly { get; }

    /// <summary>A temporary directory for TRX reports, deleted at the end.</summary>
    public string ResultsDirectory { get; }

    /// <summary>Runs <c>dotnet args…</c>.</summary>
    public static DotnetCli.Result Dotnet(params string[] args) => DotnetCli.Run(args);

    public void Dispose() => System.IO.Directory.Delete(ResultsDirectory, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class FixtureCollection : ICollectionFixture<FixtureBuild>
{
    public const string Name = "AdapterFixture";
}
