namespace Stateright;

/// <summary>
/// Thrown when a state or action type contains a member whose type has no structural fingerprint
/// (a delegate, a pointer, a task, a stream, a reflection object, ...).
/// </summary>
public sealed class UnfingerprintableTypeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UnfingerprintableTypeException(string message) : base(message) { }

    /// <summary>Creates the exception with an inner cause.</summary>
    public UnfingerprintableTypeException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The type that cannot be fingerprinted.</summary>
    public Type? OffendingType { get; init; }

    /// <summary>The member path from the root type to the offending member, e.g. <c>ServerState.Log</c>.</summary>
    public string? MemberPath { get; init; }
}
