using System.Diagnostics.CodeAnalysis;

namespace Stateright.Semantics;

/// <summary>
/// A register: a single value that can be overwritten and read. The reference object for
/// "this system should behave like one shared variable".
/// </summary>
/// <typeparam name="T">The type of the value held.</typeparam>
/// <param name="Value">The value currently held.</param>
public sealed record Register<T>(T Value) : ISequentialSpec<Register<T>, RegisterOp<T>, RegisterRet<T>>
{
    private static readonly RegisterRet<T> s_writeOk = new RegisterRet<T>.WriteOk();

    /// <summary>
    /// <c>Write(v)</c> replaces the value and returns <c>WriteOk</c>; <c>Read</c> returns
    /// <c>ReadOk(value)</c> and leaves the register unchanged.
    /// </summary>
    /// <param name="op">The operation to apply.</param>
    /// <returns>The register after the operation and the operation's return value.</returns>
    public (Register<T> Next, RegisterRet<T> Result) Invoke(RegisterOp<T> op) => op switch
    {
        RegisterOp<T>.Write write => (WithValue(write.Value), s_writeOk),
        RegisterOp<T>.Read => (this, new RegisterRet<T>.ReadOk(Value)),
        null => throw new ArgumentNullException(nameof(op)),
        _ => throw new ArgumentException($"Unknown register operation {op}.", nameof(op)),
    };

    /// <summary>
    /// Whether <paramref name="op"/> may return <paramref name="ret"/> on this register, without
    /// building the expected return value.
    /// </summary>
    /// <param name="op">The operation.</param>
    /// <param name="ret">The return value observed for it.</param>
    /// <param name="next">The register after the operation; meaningful only when the step is valid.</param>
    /// <returns>Whether the step is valid.</returns>
    public bool IsValidStep(RegisterOp<T> op, RegisterRet<T> ret, [MaybeNullWhen(false)] out Register<T> next)
    {
        switch (op, ret)
        {
            case (RegisterOp<T>.Write write, RegisterRet<T>.WriteOk):
                next = WithValue(write.Value);
                return true;
            case (RegisterOp<T>.Read, RegisterRet<T>.ReadOk read) when EqualityComparer<T>.Default.Equals(Value, read.Value):
                next = this;
                return true;
            default:
                next = null;
                return false;
        }
    }

    /// <summary>Renders <c>Register('A')</c>.</summary>
    public override string ToString() => $"Register({ValueText.Format(Value)})";

    private Register<T> WithValue(T value) => EqualityComparer<T>.Default.Equals(Value, value) ? this : new Register<T>(value);
}

/// <summary>An operation on a <see cref="Register{T}"/>: <see cref="Write"/> or <see cref="Read"/>.</summary>
/// <typeparam name="T">The type of the register's value.</typeparam>
public abstract record RegisterOp<T>
{
    private RegisterOp()
    {
    }

    /// <summary>Overwrites the register's value.</summary>
    /// <param name="Value">The value to write.</param>
    public sealed record Write(T Value) : RegisterOp<T>
    {
        /// <summary>Renders <c>Write('A')</c>.</summary>
        public override string ToString() => $"Write({ValueText.Format(Value)})";
    }

    /// <summary>Reads the register's value.</summary>
    public sealed record Read : RegisterOp<T>
    {
        /// <summary>Renders <c>Read</c>.</summary>
        public override string ToString() => "Read";
    }
}

/// <summary>The value a <see cref="RegisterOp{T}"/> returns: <see cref="WriteOk"/> or <see cref="ReadOk"/>.</summary>
/// <typeparam name="T">The type of the register's value.</typeparam>
public abstract record RegisterRet<T>
{
    private RegisterRet()
    {
    }

    /// <summary>A write completed.</summary>
    public sealed record WriteOk : RegisterRet<T>
    {
        /// <summary>Renders <c>WriteOk</c>.</summary>
        public override string ToString() => "WriteOk";
    }

    /// <summary>A read completed and observed <paramref name="Value"/>.</summary>
    /// <param name="Value">The value read.</param>
    public sealed record ReadOk(T Value) : RegisterRet<T>
    {
        /// <summary>Renders <c>ReadOk('A')</c>.</summary>
        public override string ToString() => $"ReadOk({ValueText.Format(Value)})";
    }
}
