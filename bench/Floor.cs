using System.Diagnostics;

namespace Stateright.Bench;

/// <summary>
/// The yardstick: two-phase commit with N resource managers, packed into one 64-bit integer, searched
/// depth first on one thread into a presized <see cref="HashSet{T}"/>, without the checker. It moves
/// with the machine and the runtime, never with the checker, so its time beside a table says how fast
/// the machine was that day, and tables from different days can be compared through it.
/// Do not change this file: a changed floor no longer compares with the tables before it.
/// </summary>
internal static class Floor
{
    public static int Run(int rms)
    {
        if (rms is < 1 or > 14) { Console.Error.WriteLine("floor N: N from 1 to 14."); return 2; }
        // Bits: RM i in 2i..2i+1 (0 working, 1 prepared, 2 committed, 3 aborted); the TM in the next two
        // (0 init, 1 committed, 2 aborted); one TmPrepared bit per RM; one Prepared(rm)-sent bit per RM;
        // then the Commit and Abort messages.
        var tmShift = 2 * rms;
        var tmPreparedShift = tmShift + 2;
        var preparedSentShift = tmPreparedShift + rms;
        var commitSent = 1UL << (preparedSentShift + rms);
        var abortSent = commitSent << 1;
        var allTmPrepared = ((1UL << rms) - 1) << tmPreparedShift;

        var stopwatch = Stopwatch.StartNew();
        var visited = new HashSet<ulong>(rms switch { 8 => 1_745_408, 9 => 10_340_352, 10 => 61_515_776, _ => 0 });
        var stack = new Stack<ulong>();
        long generated = 1;
        visited.Add(0);
        stack.Push(0);
        while (stack.TryPop(out var s))
        {
            var tmInit = ((s >> tmShift) & 3) == 0;
            if (tmInit && (s & allTmPrepared) == allTmPrepared) Visit(s & ~(3UL << tmShift) | (1UL << tmShift) | commitSent);
            if (tmInit) Visit(s & ~(3UL << tmShift) | (2UL << tmShift) | abortSent);
            for (var rm = 0; rm < rms; rm++)
            {
                var rmState = (s >> (2 * rm)) & 3;
                var clear = s & ~(3UL << (2 * rm));
                if (tmInit && (s & (1UL << (preparedSentShift + rm))) != 0) Visit(s | (1UL << (tmPreparedShift + rm)));
                if (rmState == 0)
                {
                    Visit(clear | (1UL << (2 * rm)) | (1UL << (preparedSentShift + rm)));
                    Visit(clear | (3UL << (2 * rm)));
                }
                if ((s & commitSent) != 0) Visit(clear | (2UL << (2 * rm)));
                if ((s & abortSent) != 0) Visit(clear | (3UL << (2 * rm)));
            }
        }
        var seconds = stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine($"Done. states={generated}, unique={visited.Count}");
        Console.WriteLine($"wall={seconds:F2}s, unique/sec={visited.Count / seconds:N0}, ns/generated state={seconds * 1e9 / generated:F1}");
        return 0;

        void Visit(ulong next)
        {
            generated++;
            if (visited.Add(next)) stack.Push(next);
        }
    }
}
