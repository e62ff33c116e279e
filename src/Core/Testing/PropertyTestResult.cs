namespace Stateright.Testing;

/// <summary>The outcome of one property's test case, ready for a test framework to report.</summary>
/// <param name="Passed">Whether the test case passes.</param>
/// <param name="Message">The failure message (property, classification, numbered steps, last state, snapshot diff), or a short pass note.</param>
/// <param name="Output">Progress and summary lines to write to the test's output.</param>
/// <param name="Duration">How long the shared checker run took.</param>
public sealed record PropertyTestResult(bool Passed, string Message, string Output, TimeSpan Duration);
