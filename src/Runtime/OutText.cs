using Stateright.Actors;

namespace Stateright.Runtime;

/// <summary>
/// An actor's outputs as the runtime logs them: like <see cref="Out{TMsg}.ToString"/>, but with each
/// send's destination shown as its endpoint (<c>127.0.0.1:3000</c>) rather than as a packed id.
/// </summary>
internal sealed class OutText<TMsg>(Out<TMsg> o)
{
    public override string ToString() =>
        "[" + string.Join(", ", o.Commands.Select(command => command is Command<TMsg>.Send send
            ? $"Send {{ Destination = {send.Destination.ToEndpointString()}, Msg = {send.Msg} }}"
            : command.ToString())) + "]";
}
