using System.Diagnostics.CodeAnalysis;

namespace Stateright.Semantics;

/// <summary>
/// A write-once register: it starts empty, the first write sets its value for good, and later writes
/// succeed only if they write that same value (so retried writes are harmless); any other write fails.
/// </summary>
/// <typeparam name="T">The type of the value held.</typeparam>
/// <param name="Value">The value written so far, or <c>None</c>.</param>
public sealed record WriteOnceRegister<T>(Option<T> Value) : ISequentialSpec<WriteOnceRegister<T>, WriteOnceRegisterOp<T>, WriteOnceRegisterRet<T>>
{
    private static readonly WriteOnceRegisterRet<T> s_writeOk = new WriteOnceRegisterRet<T>.WriteOk();
    private static readonly WriteOnceRegisterRet<T> s_writeFail = new WriteOnceRegisterRet<T>.WriteFail();

    /// <summary>An empty register.</summary>
    public WriteOnceRegister()
        : this(Option<T>.None)
    {
    }

    /// <summary>
    /// <c>Write(v)</c> returns <c>WriteOk</c> and sets the value if the register is empty or already
    /// holds <c>v</c>, and <c>WriteFail</c> otherwise; <c>Read</c> returns <c>ReadOk(value)</c>, with
    /// <c>None</c> while nothing has been written.
    /// </summary>
    /// <param name="op">The operation to apply.</param>
    /// <returns>The register after the operation and the operation's return value.</returns>
    public (WriteOnceRegister<T> Next, WriteOnceRegisterRet<T> Result) Invoke(WriteOnceRegisterOp<T> op) => op switch
    {
        WriteOnceRegisterOp<T>.Write write when !Value.HasValue => (new WriteOnceRegister<T>(write.Value), s_writeOk),
        WriteOnceRegisterOp<T>.Write write when Holds(write.Value) => (this, s_writeOk),
        WriteOnceRegisterOp<T>.Write => (this, s_writeFail),
        WriteOnceRegisterOp<T>.Read => (this, new WriteOnceRegisterRet<T>.ReadOk(Value)),
        null => throw new ArgumentNullException(nameof(op)),
        _ => throw new ArgumentException($"Unknown write-once register operation {op}.", nameof(op)),
    };

    /// <summary>
    /// Whether <paramref name="op"/> may return <paramref name="ret"/> on this register, without
    /// building the expected return value.
    /// </summary>
    /// <param name="op">The operation.</param>
    /// <param name="ret">The return value observed for it.</param>
    /// <param name="next">The register after the operation; meaningful only when the step is valid.</param>
    /// <returns>Whether the step is valid.</returns>
    public bool IsValidStep(WriteOnceRegisterOp<T> op, WriteOnceRegisterRet<T> ret, [MaybeNullWhen(false)] out WriteOnceRegister<T> next)
    {
        switch (op, ret)
        {
            case (WriteOnceRegisterOp<T>.Write write, WriteOnceRegisterRet<T>.WriteOk) when !Value.HasValue:
                next = new WriteOnceRegister<T>(write.Value);
                return true;
            case (WriteOnceRegisterOp<T>.Write write, WriteOnceRegisterRet<T>.WriteOk) when Holds(write.Value):
            case (WriteOnceRegisterOp<T>.Write write2, WriteOnceRegisterRet<T>.WriteFail) when Value.HasValue && !Holds(write2.Value):
            case (WriteOnceRegisterOp<T>.Read, WriteOnceRegisterRet<T>.ReadOk read) when read.Value == Value:
                next = this;
                return true;
            default:
                next = null;
                return false;
        }
    }

    /// <summary>Renders <c>WriteOnceRegister(Some('A'))</c> or <c>WriteOnceRegister(None)</c>.</summary>
    public override string ToString() => $"WriteOnceRegister({Value})";

    private bool Holds(T value) => Value.HasValue && EqualityComparer<T>.Default.Equals(Value.Value, value);
}

/// <summary>An operation on a <see cref="WriteOnceRegister{T}"/>: <see cref="Write"/> or <see cref="Read"/>.</summary>
/// <typeparam name="T">The type of the register's value.</typeparam>
public abstract record WriteOnceRegisterOp<T>
{
    private WriteOnceRegisterOp()
    {
    }

    /// <summary>Writes a value, unless a different one has been written already.</summary>
    /// <param name="Value">The value to write.</param>
    public sealed record Write(T Value) : WriteOnceRegisterOp<T>
    {
        /// <summary>Renders <c>Write('A')</c>.</summary>
        public override string ToString() => $"Write({ValueText.Format(Value)})";
    }

    /// <summary>Reads the register.</summary>
    public sealed record Read : WriteOnceRegisterOp<T>
    {
        /// <summary>Renders <c>Read</c>.</summary>
        public override string ToString() => "Read";
    }
}

/// <summary>
/// The value a <see cref="WriteOnceRegisterOp{T}"/> returns: <see cref="WriteOk"/>,
/// <see cref="WriteFail"/> or <see cref="ReadOk"/>.
/// </summary>
/// <typeparam name="T">The type of the register's value.</typeparam>
public abstract record WriteOnceRegisterRet<T>
{
    private WriteOnceRegisterRet()
    {
    }

    /// <summary>The write took effect, or the register already held the written value.</summary>
    public sealed record WriteOk : WriteOnceRegisterRet<T>
    {
        /// <summary>Renders <c>WriteOk</c>.</summary>
        public override string ToString() => "WriteOk";
    }

    /// <summary>The write was refused: the register already held a different value.</summary>
    public sealed record WriteFail : WriteOnceRegisterRet<T>
    {
        /// <summary>Renders <c>WriteFail</c>.</summary>
        public override string ToString() => "WriteFail";
    }

    /// <summary>A read completed and observed <paramref name="Value"/> (<c>None</c> if nothing was written).</summary>
    /// <param name="Value">The value read.</param>
    public sealed record ReadOk(Option<T> Value) : WriteOnceRegisterRet<T>
    {
        /// <summary>Renders <c>ReadOk(Some('A'))</c> or <c>ReadOk(None)</c>.</summary>
        public override string ToString() => $"ReadOk({Value})";
    }
}
