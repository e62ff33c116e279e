using System.Reflection;
using Stateright.Testing.EndToEnd;

namespace Stateright.Testing.XunitV3.Tests;

/// <summary>
/// Builds tests/Fixtures/XunitV3Fixture once, then runs all of its tests twice: under VSTest
/// (<c>dotnet test --logger trx</c>, through xunit.runner.visualstudio 4.x) and as the
/// Microsoft.Testing.Platform executable (<c>--report-trx</c>). Shared by every test of the class.
/// </summary>
public sealed class FixtureRun : IDisposable
{
    public FixtureRun()
    {
        FixtureDirectory = Path.Combine(DotnetCli.RepositoryRoot(), "tests", "Fixtures", "XunitV3Fixture");
        Project = Path.Combine(FixtureDirectory, "XunitV3Fixture.csproj");
        Configuration = typeof(FixtureRun).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        Application = Path.Combine(FixtureDirectory, "bin", Configuration, "net10.0", "XunitV3Fixture.dll");
        ResultsDirectory = Directory.CreateTempSubdirectory("stateright-e2e-v3-").FullName;
        var build = DotnetCli.Run("build", Project, "-c", Configuration, "--nologo");
        if (build.ExitCode != 0) throw new InvalidOperationException("Building the fixture failed:\n" + build.Output);

        VSTestRun = VSTest("--logger", "trx;LogFileName=all.trx", "--results-directory", Path.Combine(ResultsDirectory, "vstest"));
        VSTestResults = Trx.Read(Path.Combine(ResultsDirectory, "vstest", "all.trx"));
        PlatformRun = Platform("--report-trx", "--report-trx-filename", "all.trx", "--results-directory", Path.Combine(ResultsDirectory, "mtp"));
        PlatformResults = Trx.Read(Path.Combine(ResultsDirectory, "mtp", "all.trx"));
    }

    public string FixtureDirectory { get; }
    public string Project { get; }
    public string Configuration { get; }

    /// <summary>The built fixture, a Microsoft.Testing.Platform application.</summary>
    public string Application { get; }

    public string ResultsDirectory { get; }
    public DotnetCli.Result VSTestRun { get; }
    public IReadOnlyList<Trx.Result> VSTestResults { get; }
    public DotnetCli.Result PlatformRun { get; }
    public IReadOnlyList<Trx.Result> PlatformResults { get; }

    /// <summary>
    /// <c>dotnet test</c> in VSTest mode. xunit.v3 marks its projects as Microsoft.Testing.Platform
    /// applications, which the .NET 10 SDK refuses to run through VSTest; a project that wants VSTest
    /// says it is not one (as samples/GettingStarted.XunitV3Tests does in its project file).
    /// </summary>
    public DotnetCli.Result VSTest(params string[] args) => DotnetCli.Run(VSTestArguments(args));

    /// <summary>As <see cref="VSTest"/>, reading the output as it arrives (<see cref="DotnetCli.Stream"/>).</summary>
    public DotnetCli.StreamedResult VSTestStreamed(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        DotnetCli.Stream(VSTestArguments(args), environment: environment);

    private string[] VSTestArguments(string[] args) => ["test", Project, "-c", Configuration, "--no-build", "-p:IsTestingPlatformApplication=false", .. args];

    /// <summary>Runs the fixture's executable (through the dotnet host) with Microsoft.Testing.Platform arguments.</summary>
    public DotnetCli.Result Platform(params string[] args) => DotnetCli.Run([Application, .. args]);

    public void Dispose() => Directory.Delete(ResultsDirectory, recursive: true);
}
