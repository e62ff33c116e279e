using System.Text.Json;
using Stateright.Testing.EndToEnd;

namespace Stateright.Docs.Tests.Packages;

/// <summary>
/// What a package project pulls, read from its restore graph (<c>obj/project.assets.json</c>): every package
/// and project in its dependency closure, for every target framework. A consumer of the packed package pulls
/// the same closure, since the package's dependencies are the project's references.
/// </summary>
internal sealed record RestoreGraph(string Project, IReadOnlySet<string> Packages, IReadOnlySet<string> Projects)
{
    /// <summary>Reads the graph of the project in <paramref name="folder"/> (relative to the repository root).</summary>
    public static RestoreGraph Of(string folder)
    {
        var assets = Path.Combine(DotnetCli.RepositoryRoot(), folder, "obj", "project.assets.json");
        Assert.True(File.Exists(assets), $"{assets} does not exist: restore the solution (dotnet restore Stateright.Testing.sln).");
        using var json = JsonDocument.Parse(File.ReadAllBytes(assets));
        var packages = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var projects = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var target in json.RootElement.GetProperty("targets").EnumerateObject())
        {
            foreach (var library in target.Value.EnumerateObject())
            {
                var id = library.Name[..library.Name.IndexOf('/')];
                (library.Value.GetProperty("type").GetString() == "project" ? projects : packages).Add(id);
            }
        }
        return new RestoreGraph(folder, packages, projects);
    }

    /// <summary>Ids of packages or projects in the closure that start with any of <paramref name="prefixes"/>.</summary>
    public string[] Matching(params string[] prefixes) =>
        [.. Packages.Concat(Projects).Where(id => prefixes.Any(p => id.StartsWith(p, StringComparison.OrdinalIgnoreCase)))];
}
