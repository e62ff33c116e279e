using System.Security.Cryptography;
using System.Text;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;

namespace Stateright.Testing.TestAdapter;

/// <summary>Translates the core's <see cref="ModelTestCase"/> into a VSTest <see cref="TestCase"/>.</summary>
internal static class TestCaseFactory
{
    private static readonly Uri s_executorUri = new(AdapterConstants.ExecutorUri);

    /// <summary>The VSTest case for <paramref name="modelCase"/>, found in the assembly at <paramref name="source"/>.</summary>
    public static TestCase Create(ModelTestCase modelCase, string source)
    {
        ArgumentNullException.ThrowIfNull(modelCase);
        var type = modelCase.Method.TestClass;
        var testCase = new TestCase(modelCase.FullyQualifiedName, s_executorUri, source)
        {
            DisplayName = modelCase.DisplayName,
            // VSTest's default id hashes the source and the managed method, which every property of a
            // method shares: runners would keep one case and silently drop the rest.
            Id = IdFor(modelCase),
        };
        if (modelCase.SourceFilePath.Length > 0)
        {
            testCase.CodeFilePath = modelCase.SourceFilePath;
            testCase.LineNumber = modelCase.SourceLine;
        }
        testCase.SetPropertyValue(AdapterProperties.ManagedType, ManagedTypeName(type));
        testCase.SetPropertyValue(AdapterProperties.ManagedMethod, modelCase.Method.Method.Name);
        testCase.SetPropertyValue(AdapterProperties.Hierarchy, new[] { null, type.Namespace ?? "", ClassName(type), modelCase.Method.Method.Name });
        if (modelCase.Property is not null) testCase.SetPropertyValue(AdapterProperties.ModelProperty, modelCase.Property);
        foreach (var (key, value) in modelCase.Traits) testCase.Traits.Add(key, value);
        return testCase;
    }

    /// <summary>A deterministic id from the core's stable case id (a name-based, SHA-256-derived GUID).</summary>
    public static Guid IdFor(ModelTestCase modelCase)
    {
        ArgumentNullException.ThrowIfNull(modelCase);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(AdapterConstants.ExecutorUri + "\n" + modelCase.Id));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50); // version nibble (name-based), so it reads as a well-formed GUID
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }

    /// <summary>The type's name as <c>ManagedType</c> spells it: namespace, nesting with <c>+</c>, generic arity with a backtick.</summary>
    internal static string ManagedTypeName(Type type) => type.IsGenericType && !type.IsGenericTypeDefinition
        ? ManagedTypeName(type.GetGenericTypeDefinition())
        : type.FullName ?? type.Name;

    /// <summary>The class level of the hierarchy: the type's name within its namespace (<c>Outer+Inner</c>).</summary>
    internal static string ClassName(Type type)
    {
        var full = ManagedTypeName(type);
        return type.Namespace is { Length: > 0 } ns && full.StartsWith(ns + ".", StringComparison.Ordinal) ? full[(ns.Length + 1)..] : full;
    }
}
