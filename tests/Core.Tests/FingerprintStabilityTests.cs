using System.Collections.Immutable;

namespace Stateright.Tests;

/// <summary>
/// Fingerprints are fixed forever: the network lists envelopes in fingerprint order (so action index
/// paths, and the traces in snapshot files, depend on them) and Explorer links name states by them.
/// These values were taken from the build before the checker read sequence seeds from a table; a
/// change to how a fingerprint is computed must leave every one of them as it is.
/// </summary>
public class FingerprintStabilityTests
{
    public enum Phase : byte { Working, Prepared, Committed, Aborted }

    public readonly record struct Pair(byte Kind, sbyte Index);

    public readonly record struct TwoPhaseLike(ImmutableArray<Phase> Rms, Phase Tm, ImmutableArray<bool> Prepared, ImmutableArray<Pair> Messages);

    public static TheoryData<int, ulong> ByteArrays => new()
    {
        // Lengths either side of the seed table's end (64) and of each 8-byte word.
        { 0, 10563656915966095733UL }, { 1, 7833156416407487459UL }, { 7, 11721047964161563208UL }, { 8, 16229729433889026081UL },
        { 9, 13532104216362354369UL }, { 63, 10761123444749329460UL }, { 64, 4369312267058363674UL }, { 65, 12304969768014280567UL },
        { 200, 12776813249624953713UL },
    };

    [Theory]
    [MemberData(nameof(ByteArrays))]
    public void Byte_sequences_keep_their_fingerprints(int length, ulong expected)
    {
        var bytes = Enumerable.Range(0, length).Select(i => (byte)(i * 37 + 11)).ToArray();
        Assert.Equal([expected, expected], [Fingerprint.Of(bytes), Fingerprint.Of(ImmutableArray.Create(bytes))]);
    }

    [Fact]
    public void Sequences_of_wider_values_keep_their_fingerprints()
    {
        ulong[] actual =
        [
            Fingerprint.Of(new[] { 1, -2, 3 }),
            Fingerprint.Of(ImmutableArray.Create(10L, 20L)),
            Fingerprint.Of(new List<ushort> { 7, 8, 9, 10, 11 }),
            Fingerprint.Of(Array.Empty<int>()),
        ];
        Assert.Equal([11282390714872974011UL, 10736907964983251618UL, 8624796890586132404UL, 16383195550399646709UL], actual);
    }

    [Fact]
    public void A_record_of_small_sequences_keeps_its_fingerprint()
    {
        var state = new TwoPhaseLike(
            [Phase.Prepared, Phase.Working, Phase.Aborted, Phase.Working, Phase.Committed, Phase.Working, Phase.Working, Phase.Prepared, Phase.Working],
            Phase.Working,
            [true, false, false, false, false, false, false, true, false],
            [new(0, 0), new(0, 7), new(2, -1)]);
        Assert.Equal(14796458528198574191UL, Fingerprint.Of(state));
    }
}
