namespace Stateright.Testing.Tool.Tests;

// Classes whose methods `stateright dangling` finds in this assembly's metadata (they are never run).

#pragma warning disable CA1822, CA1812 // members are read as metadata only

internal sealed class SampleModels
{
    public static object Counter() => new();

    internal sealed class Nested
    {
        public object Register() => new();
    }
}

internal class SampleGeneric<T>
{
    public T? Inherited() => default;
}

internal sealed class SampleDerived : SampleGeneric<int>;
