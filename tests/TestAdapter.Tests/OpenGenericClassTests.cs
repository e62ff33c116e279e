using Fixtures;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;

namespace Stateright.Testing.TestAdapter.Tests;

/// <summary>
/// A model test in an open generic class (issue 28, item 7): the adapter lists it, as the other front ends
/// do, and its case fails with the core's message asking for a closed derived class. It used to skip such
/// a class without a word, so the test never ran.
/// </summary>
public sealed class OpenGenericClassTests
{
    [Fact]
    public void An_open_generic_public_class_is_a_test_class_and_an_abstract_one_is_not()
    {
        Assert.True(ModelTestSource.IsTestClass(typeof(PublicOpenGeneric<>)));
        Assert.False(ModelTestSource.IsTestClass(typeof(AbstractOpenGeneric<>)));
        Assert.True(ModelTestSource.IsTestClass(typeof(PublicOpenGeneric<int>)));
    }

    [Fact]
    public void Its_case_fails_naming_the_class_and_the_closed_class_to_derive()
    {
        var (method, attribute) = ModelTestDiscovery.FindMethods<ModelTestAttribute>(typeof(OpenGeneric<>)).Single();
        var testCase = TestCaseFactory.Create(Assert.Single(ModelTestDiscovery.Discover(method, attribute)), typeof(OpenGeneric<>).Assembly.Location);
        var handle = new RecordingHandle();

        new ModelTestAdapter().RunTests([testCase], null, handle);

        var result = Assert.Single(handle.Results);
        Assert.Equal(TestOutcome.Failed, result.Outcome);
        Assert.Contains("is an open generic type", result.ErrorMessage);
        Assert.Contains("Derive a closed class from it", result.ErrorMessage);
    }

    // Public, with no model test: the adapter, which runs over this project too, finds nothing in them.
    public class PublicOpenGeneric<T>;

    public abstract class AbstractOpenGeneric<T>;

    // Internal: the adapter lists public classes only, so running this test project never discovers it.
    internal class OpenGeneric<T>
    {
        [ModelTest]
        public static SmallCounter Valid() => Scenarios.Valid();
    }
}
