using System.Runtime.InteropServices;

namespace Stateright.Semantics;

/// <summary>Lazily computed, never-stale results of an immutable tester.</summary>
internal static class Verdicts
{
    public const int Unknown = 0;
    public const int Consistent = 1;
    public const int Inconsistent = 2;

    private static readonly object s_none = new();

    /// <summary>
    /// Per-tester caches, held in a mutable field of the tester (a struct, to save an allocation per
    /// tester). Testers are immutable, so a result computed once holds forever; concurrent first calls
    /// may both compute it, and both get the same answer.
    /// </summary>
    internal struct Cache<TOp, TRet>(int verdict)
    {
        private int _verdict = verdict;
        private object? _serialization;
        private ulong _fingerprint;

        public int Verdict => Volatile.Read(ref _verdict);

        public bool IsConsistent<TTester>(TTester tester, Func<TTester, (TOp, TRet)[]?> search)
        {
            var verdict = Volatile.Read(ref _verdict);
            if (verdict != Unknown) return verdict == Consistent;
            return Serialization(tester, search) is not null;
        }

        public IReadOnlyList<(TOp Op, TRet Ret)>? Serialization<TTester>(TTester tester, Func<TTester, (TOp, TRet)[]?> search)
        {
            var cached = Volatile.Read(ref _serialization);
            if (cached is null)
            {
                var order = search(tester);
                cached = order is null ? s_none : (IReadOnlyList<(TOp Op, TRet Ret)>)ImmutableCollectionsMarshal.AsImmutableArray(order);
                Volatile.Write(ref _serialization, cached);
                Volatile.Write(ref _verdict, order is null ? Inconsistent : Consistent);
            }
            return cached == s_none ? null : (IReadOnlyList<(TOp Op, TRet Ret)>)cached;
        }

        public ulong Fingerprint<TTester>(TTester tester, Func<TTester, ulong> compute)
        {
            var cached = Volatile.Read(ref _fingerprint);
            if (cached != 0) return cached;
            cached = compute(tester);
            if (cached == 0) cached = 1;
            Volatile.Write(ref _fingerprint, cached);
            return cached;
        }
    }
}
