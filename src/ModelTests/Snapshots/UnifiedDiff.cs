using System.Text;

namespace Stateright.Snapshots;

/// <summary>A small line-based unified diff (longest common subsequence), enough for trace snapshots.</summary>
public static class UnifiedDiff
{
    /// <summary>The diff from <paramref name="oldText"/> to <paramref name="newText"/> with <paramref name="context"/> lines of context.</summary>
    public static string Create(string oldText, string newText, string oldName = "verified", string newName = "received", int context = 3)
    {
        var a = oldText.Split('\n');
        var b = newText.Split('\n');
        var ops = Diff(a, b);
        var sb = new StringBuilder($"--- {oldName}\n+++ {newName}\n");
        var i = 0;
        while (i < ops.Count)
        {
            if (ops[i].Kind == ' ') { i++; continue; }
            var start = Math.Max(0, i - context);
            var end = i;
            // Extend the hunk while changes are closer than 2 * context lines apart.
            for (var j = i; j < ops.Count; j++)
            {
                if (ops[j].Kind != ' ') end = j;
                else if (j - end > 2 * context) break;
            }
            end = Math.Min(ops.Count - 1, end + context);
            var oldStart = ops.Take(start).Count(o => o.Kind != '+') + 1;
            var newStart = ops.Take(start).Count(o => o.Kind != '-') + 1;
            var hunk = ops.Skip(start).Take(end - start + 1).ToList();
            sb.Append($"@@ -{oldStart},{hunk.Count(o => o.Kind != '+')} +{newStart},{hunk.Count(o => o.Kind != '-')} @@\n");
            foreach (var (kind, line) in hunk) sb.Append(kind).Append(line).Append('\n');
            i = end + 1;
        }
        return sb.ToString();
    }

    private static List<(char Kind, string Line)> Diff(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var x = a.Length - 1; x >= 0; x--)
            for (var y = b.Length - 1; y >= 0; y--)
                lcs[x, y] = a[x] == b[y] ? lcs[x + 1, y + 1] + 1 : Math.Max(lcs[x + 1, y], lcs[x, y + 1]);
        var ops = new List<(char, string)>();
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { ops.Add((' ', a[i])); i++; j++; }
            else if (lcs[i + 1, j] >= lcs[i, j + 1]) ops.Add(('-', a[i++]));
            else ops.Add(('+', b[j++]));
        }
        while (i < a.Length) ops.Add(('-', a[i++]));
        while (j < b.Length) ops.Add(('+', b[j++]));
        return ops;
    }
}
