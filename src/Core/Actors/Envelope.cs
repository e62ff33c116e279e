namespace Stateright.Actors;

/// <summary>A message in flight from <c>Src</c> to <c>Dst</c>.</summary>
public readonly record struct Envelope<TMsg>(Id Src, Id Dst, TMsg Msg)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Src} → {Msg} → {Dst}";
}
