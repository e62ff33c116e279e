using System.Buffers.Binary;

namespace Stateright.Distributed;

/// <summary>
/// The wire format of a batch of successors sent to the partition that owns them, one byte array per
/// grain call: a count, then per successor its fingerprint, its parent's fingerprint, its index path
/// (initial-state index, then action indices) and its encoded state.
/// </summary>
internal sealed class BatchWriter
{
    private byte[] _buffer = new byte[4096];
    private int _length = 4; // the count goes first

    /// <summary>Successors written since the last <see cref="Take"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Bytes written since the last <see cref="Take"/>.</summary>
    public int Length => _length;

    public void Add(ulong key, ulong parent, int[] parentPath, int actionIndex, byte[] state)
    {
        var pathLength = parentPath.Length + 1;
        Ensure(8 + 8 + 4 + 4 * pathLength + 4 + state.Length);
        var span = _buffer.AsSpan(_length);
        BinaryPrimitives.WriteUInt64LittleEndian(span, key);
        BinaryPrimitives.WriteUInt64LittleEndian(span[8..], parent);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], pathLength);
        var offset = 20;
        foreach (var index in parentPath) { BinaryPrimitives.WriteInt32LittleEndian(span[offset..], index); offset += 4; }
        BinaryPrimitives.WriteInt32LittleEndian(span[offset..], actionIndex);
        offset += 4;
        BinaryPrimitives.WriteInt32LittleEndian(span[offset..], state.Length);
        offset += 4;
        state.CopyTo(span[offset..]);
        _length += offset + state.Length;
        Count++;
    }

    /// <summary>The batch written so far, as one array; the writer starts a new one.</summary>
    public byte[] Take()
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer, Count);
        var batch = _buffer.AsSpan(0, _length).ToArray();
        _length = 4;
        Count = 0;
        return batch;
    }

    private void Ensure(int more)
    {
        if (_length + more <= _buffer.Length) return;
        Array.Resize(ref _buffer, Math.Max(_length + more, 2 * _buffer.Length));
    }
}

/// <summary>One successor read back from a batch: the state stays encoded until it is kept.</summary>
internal readonly record struct BatchEntry(ulong Key, ulong Parent, int[] Path, byte[] Batch, int StateOffset, int StateLength);

/// <summary>Reads the batches <see cref="BatchWriter"/> writes.</summary>
internal static class BatchReader
{
    public static int CountOf(byte[] batch) => BinaryPrimitives.ReadInt32LittleEndian(batch);

    public static IEnumerable<BatchEntry> Entries(byte[] batch)
    {
        var count = CountOf(batch);
        var offset = 4;
        for (var i = 0; i < count; i++)
        {
            var key = BinaryPrimitives.ReadUInt64LittleEndian(batch.AsSpan(offset));
            var parent = BinaryPrimitives.ReadUInt64LittleEndian(batch.AsSpan(offset + 8));
            var pathLength = BinaryPrimitives.ReadInt32LittleEndian(batch.AsSpan(offset + 16));
            offset += 20;
            var path = new int[pathLength];
            for (var j = 0; j < pathLength; j++) { path[j] = BinaryPrimitives.ReadInt32LittleEndian(batch.AsSpan(offset)); offset += 4; }
            var stateLength = BinaryPrimitives.ReadInt32LittleEndian(batch.AsSpan(offset));
            offset += 4;
            yield return new BatchEntry(key, parent, path, batch, offset, stateLength);
            offset += stateLength;
        }
    }
}
