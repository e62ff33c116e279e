namespace Stateright;

/// <summary>
/// Thrown (as the inner exception of a <see cref="ModelCheckingException"/>) when a model cannot be
/// checked as it is defined: it has no initial state, or none within its boundary. Checking such a
/// model would check nothing, and every property would pass without a single state behind it.
/// </summary>
public sealed class InvalidModelException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidModelException(string message) : base(message) { }
}
