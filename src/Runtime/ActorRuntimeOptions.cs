using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Stateright.Runtime;

/// <summary>How <see cref="ActorRuntime{TMsg}"/> runs actors: wire format, storage, logging and limits.</summary>
/// <typeparam name="TMsg">The message type.</typeparam>
public sealed record ActorRuntimeOptions<TMsg>
{
    /// <summary>The largest UDP payload over IPv4 (65,535 − 8 − 20 bytes).</summary>
    public const int MaxUdpPayload = 65_507;

    /// <summary>The wire format; <see cref="JsonMessageSerializer{TMsg}"/> by default.</summary>
    public IMessageSerializer<TMsg> Serializer { get; init; } = JsonMessageSerializer<TMsg>.Default;

    /// <summary>How saved storage becomes bytes; <see cref="JsonStorageSerializer"/> by default.</summary>
    public IStorageSerializer StorageSerializer { get; init; } = JsonStorageSerializer.Default;

    /// <summary>Where each actor's storage file lives; the current directory by default (as in the Rust library).</summary>
    public string StorageDirectory { get; init; } = ".";

    /// <summary>Where the runtime logs; nowhere by default.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>Datagrams larger than this many bytes are logged and dropped (1 to <see cref="MaxUdpPayload"/>, the default).</summary>
    public int MaxDatagramSize { get; init; } = MaxUdpPayload;

    /// <summary>
    /// A random choice requested with <c>Out.ChooseRandom</c> is delivered to <c>OnRandom</c> after a random
    /// delay in [<c>Min</c>, <c>Max</c>); 0 to 10 seconds by default, as in the Rust library.
    /// </summary>
    public (TimeSpan Min, TimeSpan Max) RandomChoiceDelay { get; init; } = (TimeSpan.Zero, TimeSpan.FromSeconds(10));

    /// <summary>
    /// How many received datagrams may wait for each actor's handler (1,024 by default). When an actor
    /// falls behind, further datagrams are dropped — as UDP itself may drop them — counted in
    /// <see cref="ActorRuntime{TMsg}.DroppedDatagrams"/> and logged (the 1st, 10th, 100th, … drop), so
    /// a flood cannot grow memory without bound. Timer and random-choice events are never dropped.
    /// </summary>
    public int InboxCapacity { get; init; } = 1024;

    /// <summary>The clock for timers and random-choice delays; the system clock by default.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Serializer);
        ArgumentNullException.ThrowIfNull(StorageSerializer);
        ArgumentException.ThrowIfNullOrEmpty(StorageDirectory);
        ArgumentNullException.ThrowIfNull(LoggerFactory);
        ArgumentNullException.ThrowIfNull(TimeProvider);
        if (MaxDatagramSize is < 1 or > MaxUdpPayload)
            throw new ArgumentOutOfRangeException(nameof(MaxDatagramSize), MaxDatagramSize, $"Must be between 1 and {MaxUdpPayload}.");
        if (InboxCapacity < 1)
            throw new ArgumentOutOfRangeException(nameof(InboxCapacity), InboxCapacity, "Must be at least 1.");
        if (RandomChoiceDelay.Min < TimeSpan.Zero || RandomChoiceDelay.Max < RandomChoiceDelay.Min)
            throw new ArgumentOutOfRangeException(nameof(RandomChoiceDelay), RandomChoiceDelay, "Needs 0 <= Min <= Max.");
    }
}
