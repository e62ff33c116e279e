using System.Reflection;
using Stateright.Snapshots;

namespace Stateright.Testing;

/// <summary>
/// Lists a model method's test cases, one per property, without running the checker (it builds the
/// model to read the property names). Never throws for a user's mistake: a bad argument, a factory
/// that throws or returns no model, or an unknown <see cref="ExpectDiscoveryAttribute"/> name becomes a
/// single case that fails with the reason.
/// </summary>
public static class ModelTestDiscovery
{
    /// <summary>The cases of <paramref name="method"/>, marked with <paramref name="attribute"/>, in property declaration order.</summary>
    public static IReadOnlyList<ModelTestCase> Discover(MethodInfo method, IModelTestAttribute attribute)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(attribute);
        var modelMethod = new ModelMethod(method, attribute.SourceFilePath, attribute.SourceLineNumber);
        var options = ModelTestOptions.From(attribute, method);
        var skip = string.IsNullOrEmpty(attribute.Skip) ? null : attribute.Skip;
        string[] names;
        try
        {
            names = PropertyNames(modelMethod, options);
        }
        catch (Exception e)
        {
            return [new ModelTestCase(modelMethod, options, null, skip, DescribeFailure(modelMethod, e))];
        }
        var cases = names.Select(name => new ModelTestCase(modelMethod, options, name, skip, null)).ToArray();
        ClaimSnapshots(modelMethod, names);
        return cases;
    }

    /// <summary>
    /// The case for one property, rebuilt from its name without building the model (for front ends
    /// that serialize cases between discovery and execution, or run cases by id). A null
    /// <paramref name="property"/> gives the method-level case, which re-discovers to find its error.
    /// </summary>
    public static ModelTestCase ForProperty(MethodInfo method, IModelTestAttribute attribute, string? property)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(attribute);
        if (property is null)
        {
            var discovered = Discover(method, attribute);
            return discovered.FirstOrDefault(c => c.Property is null) ?? discovered[0];
        }
        var skip = string.IsNullOrEmpty(attribute.Skip) ? null : attribute.Skip;
        return new ModelTestCase(new ModelMethod(method, attribute.SourceFilePath, attribute.SourceLineNumber), ModelTestOptions.From(attribute, method), property, skip, null);
    }

    /// <summary>
    /// The model-test methods of <paramref name="type"/> marked with an attribute of type
    /// <typeparamref name="TAttribute"/> (public, static or instance, declared or inherited).
    /// </summary>
    public static IEnumerable<(MethodInfo Method, TAttribute Attribute)> FindMethods<TAttribute>(Type type)
        where TAttribute : Attribute, IModelTestAttribute
    {
        ArgumentNullException.ThrowIfNull(type);
        foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance))
            if (method.GetCustomAttribute<TAttribute>() is { } attribute) yield return (method, attribute);
    }

    /// <summary>The property names, after validating the options and the expected discoveries.</summary>
    internal static string[] PropertyNames(ModelMethod method, ModelTestOptions options)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
            throw new ModelTestConfigurationException($"The model test {method.FullName} has bad arguments: {string.Join(" ", problems)}");
        var names = Unwrap(method.CreateModel).Properties.Select(p => p.Name).ToArray();
        if (names.Length == 0)
            throw new ModelTestConfigurationException($"The model returned by {method.FullName} has no properties to check: define properties (Always, Sometimes, Eventually) in the model.");
        foreach (var expected in options.ExpectedDiscoveries)
            if (!names.Contains(expected))
                throw new ModelTestConfigurationException($"[ExpectDiscovery(\"{expected}\")] on {method.FullName}: {ErrorMessages.UnknownProperty(expected, names)}");
        return names;
    }

    /// <summary>A message for a failure to build or check a model, naming the method.</summary>
    internal static string DescribeFailure(ModelMethod method, Exception failure) => failure switch
    {
        TargetInvocationException { InnerException: { } inner } => DescribeFailure(method, inner),
        ModelTestConfigurationException or ModelCheckingException => failure.Message,
        _ => $"Building the model in {method.FullName} threw {failure.GetType().FullName}: {failure.Message}\n{failure.StackTrace}",
    };

    /// <summary>Claims the method's snapshot files, so a collision with another test is known before any case runs.</summary>
    private static void ClaimSnapshots(ModelMethod method, IEnumerable<string> properties)
    {
        if (!method.HasSnapshotDirectory) return;
        foreach (var (property, paths) in method.SnapshotPathsFor(properties))
            SnapshotRegistry.Claim(paths, $"{method.FullName}({property})");
    }

    internal static IModelHandle Unwrap(Func<IModelHandle> create)
    {
        try { return create(); }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
