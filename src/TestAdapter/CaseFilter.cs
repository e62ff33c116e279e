using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Adapter;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;

namespace Stateright.Testing.TestAdapter;

/// <summary>
/// The <c>--filter</c> properties the adapter supports: <c>FullyQualifiedName</c>, <c>DisplayName</c>,
/// <c>Name</c> (the display name, as MSTest has it) and <c>ModelProperty</c> (the property name).
/// </summary>
internal static class CaseFilter
{
    private static readonly string[] s_supported = ["FullyQualifiedName", "DisplayName", "Name", ModelTestCase.PropertyTrait];

    /// <summary>
    /// The filter of the run or discovery, or null when there is none. A malformed filter is logged
    /// and matches nothing (<paramref name="valid"/> is false), as other adapters do.
    /// </summary>
    public static ITestCaseFilterExpression? Get(IDiscoveryContext? context, IMessageLogger? logger, out bool valid)
    {
        valid = true;
        if (context is null) return null;
        try
        {
            return context is IRunContext run
                ? run.GetTestCaseFilter(s_supported, PropertyFor)
                : DiscoveryFilter(context);
        }
        catch (TestPlatformFormatException e)
        {
            logger?.SendMessage(TestMessageLevel.Error, $"{AdapterConstants.DisplayName}: invalid filter: {e.Message}");
            valid = false;
            return null;
        }
    }

    /// <summary>
    /// IDiscoveryContext has no filter in its interface, but VSTest's and the MTP bridge's contexts both
    /// implement the run context's method (MSTest reads it the same way): used for <c>--list-tests --filter</c>.
    /// </summary>
    private static ITestCaseFilterExpression? DiscoveryFilter(IDiscoveryContext context)
    {
        var method = context.GetType().GetMethod("GetTestCaseFilter", [typeof(IEnumerable<string>), typeof(Func<string, TestProperty?>)]);
        try
        {
            return method?.Invoke(context, [s_supported, (Func<string, TestProperty?>)PropertyFor]) as ITestCaseFilterExpression;
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is TestPlatformFormatException format)
        {
            throw format;
        }
    }

    /// <summary>True when <paramref name="testCase"/> passes <paramref name="filter"/> (or there is none).</summary>
    public static bool Matches(ITestCaseFilterExpression? filter, TestCase testCase) =>
        filter is null || filter.MatchTestCase(testCase, name => ValueOf(testCase, name));

    private static TestProperty? PropertyFor(string name) => name switch
    {
        "FullyQualifiedName" => TestCaseProperties.FullyQualifiedName,
        "DisplayName" or "Name" => TestCaseProperties.DisplayName,
        ModelTestCase.PropertyTrait => AdapterProperties.ModelProperty,
        _ => null,
    };

    private static object? ValueOf(TestCase testCase, string name) => name switch
    {
        "FullyQualifiedName" => testCase.FullyQualifiedName,
        "DisplayName" or "Name" => testCase.DisplayName,
        ModelTestCase.PropertyTrait => testCase.GetPropertyValue(AdapterProperties.ModelProperty),
        _ => null,
    };
}
