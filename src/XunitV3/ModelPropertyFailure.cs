// In namespace Stateright, and named as the xUnit v2 front end names its failures, so that both report
// "Stateright.ModelPropertyFailure : <message>" (xUnit prefixes messages with the exception's type).
namespace Stateright;

/// <summary>A model property case that failed: the core's message, and a stack line pointing at the model method.</summary>
internal sealed class ModelPropertyFailure(string message, string stackTrace) : Exception(message)
{
    public override string StackTrace => stackTrace;
}
