namespace Stateright.Testing.Tool;

/// <summary>A bad command line or a missing input: the tool prints the message and exits with 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
