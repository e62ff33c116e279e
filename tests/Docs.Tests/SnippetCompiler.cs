using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Stateright.Docs.Tests;

/// <summary>
/// Compiles one snippet file as a reader's project would: C# latest, nullable, the SDK's implicit usings, and
/// every assembly this test references (the packages, the samples, xUnit, NUnit, logging). A file with
/// top-level statements is a console program; any other is a class library.
/// </summary>
internal static class SnippetCompiler
{
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    // What `<ImplicitUsings>enable</ImplicitUsings>` gives a console project.
    private static readonly SyntaxTree ImplicitUsings = CSharpSyntaxTree.ParseText(
        """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """, Parse, "ImplicitUsings.g.cs");

    private static readonly Lazy<MetadataReference[]> References = new(LoadReferences);

    /// <summary>The compiler's errors and warnings for <paramref name="file"/> (repository-relative), as <c>file:line: id message</c>.</summary>
    public static IReadOnlyList<string> Diagnostics(string file) => Diagnostics(Compile(file, file));

    /// <summary>
    /// Compiles the snippet <paramref name="file"/> (repository-relative, a class library) as if its source file were
    /// <paramref name="sourcePath"/> (what <c>[CallerFilePath]</c> sees), and loads it, to run its code.
    /// </summary>
    public static Assembly Load(string file, string sourcePath)
    {
        var compilation = Compile(file, sourcePath);
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success) throw new InvalidOperationException(string.Join("\n", Diagnostics(compilation)));
        return Assembly.Load(image.ToArray());
    }

    private static CSharpCompilation Compile(string file, string sourcePath)
    {
        var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(DocFiles.Root, file)), Parse, sourcePath);
        var isProgram = tree.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();
        return CSharpCompilation.Create(
            Path.GetFileNameWithoutExtension(file),
            [ImplicitUsings, tree],
            References.Value,
            new CSharpCompilationOptions(isProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable));
    }

    private static IReadOnlyList<string> Diagnostics(CSharpCompilation compilation) =>
        [.. compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => $"{d.Location.GetLineSpan().Path}:{d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.Id} {d.GetMessage()}")];

    // The shared framework, then this test's own dependencies (each assembly once, by simple name).
    private static MetadataReference[] LoadReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var local = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll");
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in platform.Concat(local))
        {
            if (IsManaged(path)) byName.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        }
        return [.. byName.Values.Select(p => MetadataReference.CreateFromFile(p))];
    }

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
