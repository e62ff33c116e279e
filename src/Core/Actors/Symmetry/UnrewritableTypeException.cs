namespace Stateright.Actors;

/// <summary>
/// Thrown when a value may hold actor ids but its type cannot be rebuilt with the ids renamed (for
/// symmetry reduction). The message names the type and the member.
/// </summary>
public sealed class UnrewritableTypeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UnrewritableTypeException(string message) : base(message) { }

    /// <summary>Creates the exception with an inner cause.</summary>
    public UnrewritableTypeException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The type that cannot be rebuilt.</summary>
    public Type? OffendingType { get; init; }

    /// <summary>The member path from the rewritten type to the offending member, e.g. <c>ServerState.Log</c>.</summary>
    public string? MemberPath { get; init; }
}
