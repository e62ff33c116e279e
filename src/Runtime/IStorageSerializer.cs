namespace Stateright.Runtime;

/// <summary>
/// Turns what an actor saves with <c>Out.Save</c> into bytes for durable storage and back.
/// <see cref="JsonStorageSerializer"/> is the default.
/// </summary>
public interface IStorageSerializer
{
    /// <summary>The bytes to store for <paramref name="storage"/>.</summary>
    byte[] Serialize(object storage);

    /// <summary>The storage in <paramref name="bytes"/>. Throws when they are not valid; the runtime then logs and starts the actor without storage.</summary>
    object Deserialize(ReadOnlySpan<byte> bytes);
}
