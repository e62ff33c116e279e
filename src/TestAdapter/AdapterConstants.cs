namespace Stateright.Testing.TestAdapter;

/// <summary>Names the adapter is known by in VSTest and Microsoft.Testing.Platform.</summary>
public static class AdapterConstants
{
    /// <summary>The executor URI that discovered cases carry, so VSTest routes them back to this adapter.</summary>
    public const string ExecutorUri = "executor://Stateright.Testing/ModelTest";

    /// <summary>The name of the adapter in runner output and MTP's extension list.</summary>
    public const string DisplayName = "Stateright.Testing model tests";
}
