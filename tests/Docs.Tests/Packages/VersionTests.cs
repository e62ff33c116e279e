using System.Text.Json;
using System.Text.RegularExpressions;
using Stateright.Testing.EndToEnd;

namespace Stateright.Docs.Tests.Packages;

/// <summary>
/// Pins the versions docs/versions.md states: a pack without a version is 0.1.0-dev.&lt;UTC build time&gt;, the
/// same for a package and the packages it depends on, new with the next pack; a version on the command line
/// wins; a build that packs nothing is 0.1.0-dev. Asks MSBuild what NuGet's pack asks (the package's version
/// and its project references' versions), without packing.
/// </summary>
public partial class VersionTests
{
    [Fact]
    public void A_pack_without_a_version_is_stamped_once_for_all_its_packages_and_anew_for_the_next()
    {
        var first = PackVersions();
        Assert.Matches(StampedVersion(), first.Package);
        Assert.Equal(["Stateright.Testing.ModelTests.csproj", "Stateright.Testing.csproj"], first.References.Keys.Order(StringComparer.Ordinal));
        Assert.All(first.References.Values, v => Assert.Equal(first.Package, v));

        // The stamp has whole seconds: the next pack, a second later at least, gets another version.
        var elapsed = DateTime.UtcNow - first.At;
        if (elapsed < TimeSpan.FromSeconds(1.1)) Thread.Sleep(TimeSpan.FromSeconds(1.1) - elapsed);
        var second = PackVersions();
        Assert.Matches(StampedVersion(), second.Package);
        Assert.NotEqual(first.Package, second.Package);
        Assert.True(string.CompareOrdinal(first.Package, second.Package) < 0, $"{second.Package} does not sort after {first.Package}");
    }

    [Fact]
    public void A_version_on_the_command_line_wins()
    {
        var pack = PackVersions("-p:Version=9.8.7-explicit.1");
        Assert.Equal("9.8.7-explicit.1", pack.Package);
        Assert.All(pack.References.Values, v => Assert.Equal("9.8.7-explicit.1", v));
    }

    [Fact]
    public void A_build_that_packs_nothing_is_the_dev_version()
    {
        var result = DotnetCli.Run("msbuild", XunitProject(), "-getProperty:Version", "-nologo");
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("0.1.0-dev", result.Output.Trim());
    }

    private sealed record Versions(DateTime At, string Package, IReadOnlyDictionary<string, string> References);

    /// <summary>The version Stateright.Testing.Xunit would be packed with, and those of the two packages it depends on.</summary>
    private static Versions PackVersions(params string[] properties)
    {
        var result = DotnetCli.Run(
            ["msbuild", XunitProject(), "-p:_IsPacking=true", .. properties, "-t:_GetProjectReferenceVersions",
             "-getProperty:PackageVersion", "-getItem:_ProjectReferencesWithVersions", "-nologo"]);
        var at = DateTime.UtcNow;
        Assert.True(result.ExitCode == 0, result.Output);
        using var json = JsonDocument.Parse(result.Output[result.Output.IndexOf('{', StringComparison.Ordinal)..]);
        var package = json.RootElement.GetProperty("Properties").GetProperty("PackageVersion").GetString()!;
        var references = json.RootElement.GetProperty("Items").GetProperty("_ProjectReferencesWithVersions").EnumerateArray()
            .ToDictionary(r => Path.GetFileName(r.GetProperty("Identity").GetString()!), r => r.GetProperty("ProjectVersion").GetString()!);
        return new Versions(at, package, references);
    }

    private static string XunitProject() => Path.Combine(DocFiles.Root, "src", "Xunit", "Stateright.Testing.Xunit.csproj");

    [GeneratedRegex(@"^0\.1\.0-dev\.2\d{13}$")]
    private static partial Regex StampedVersion();
}
