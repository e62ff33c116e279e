namespace Stateright;

/// <summary>
/// Thrown when model code (initial states, actions, next state, boundary, a property, fingerprinting
/// or a visitor) throws during checking. The message names the step and the path that led to it; the
/// original exception is the <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class ModelCheckingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelCheckingException(string message, Exception? inner = null) : base(message, inner) { }

    /// <summary>The index path of the state in which the failure happened, if known (see <see cref="Path{TState, TAction}.Encode"/>).</summary>
    public string? IndexPath { get; init; }
}

/// <summary>Thrown by the checker's <c>Assert…</c> methods. The message is complete on its own.</summary>
public sealed class CheckerAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CheckerAssertionException(string message) : base(message) { }
}
