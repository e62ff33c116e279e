namespace Stateright;

/// <summary>Tarjan's strongly connected components over a <see cref="LivenessGraph"/>, iteratively (deep graphs must not overflow the stack).</summary>
internal static class StronglyConnected
{
    /// <summary>The component of each node; components are numbered in the order Tarjan completes them.</summary>
    public static int[] Components(LivenessGraph graph, Func<bool> stopRequested, out int count)
    {
        var n = graph.Count;
        var index = new int[n];
        var low = new int[n];
        var component = new int[n];
        var onStack = new bool[n];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var calls = new Stack<(int Node, int Edge)>();
        var next = 0;
        count = 0;
        for (var root = 0; root < n; root++)
        {
            if (index[root] >= 0) continue;
            if (stopRequested()) return component;
            calls.Push((root, graph.EdgeStart[root]));
            index[root] = low[root] = next++;
            stack.Push(root);
            onStack[root] = true;
            while (calls.Count > 0)
            {
                var (v, e) = calls.Pop();
                var end = graph.EdgeStart[v + 1];
                var descended = false;
                for (; e < end; e++)
                {
                    var w = graph.EdgeTarget[e];
                    if (index[w] < 0)
                    {
                        calls.Push((v, e + 1));
                        calls.Push((w, graph.EdgeStart[w]));
                        index[w] = low[w] = next++;
                        stack.Push(w);
                        onStack[w] = true;
                        descended = true;
                        break;
                    }
                    if (onStack[w]) low[v] = Math.Min(low[v], index[w]);
                }
                if (descended) continue;
                if (low[v] == index[v])
                {
                    int w;
                    do
                    {
                        w = stack.Pop();
                        onStack[w] = false;
                        component[w] = count;
                    } while (w != v);
                    count++;
                }
                if (calls.Count > 0)
                {
                    var parent = calls.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[v]);
                }
            }
        }
        return component;
    }
}
