using System.Collections;
using System.Text;

namespace Stateright;

/// <summary>
/// The slow path behind <see cref="FingerprintDepth"/>: walks a value's object graph (iteratively,
/// with reference identity) to say why it nests too deeply — an object that refers back to itself,
/// or a chain deeper than <see cref="FingerprintDepth.Limit"/> — and where, as a member path.
/// </summary>
internal static class FingerprintGraph
{
    private sealed class Frame(object? value, string segment, IEnumerator<(string Segment, object? Child)> children)
    {
        public object? Value { get; } = value;
        public string Segment { get; } = segment;
        public IEnumerator<(string Segment, object? Child)> Children { get; } = children;
    }

    /// <summary>The exception to throw for <paramref name="root"/>, seen through static type <paramref name="rootType"/>.</summary>
    public static UnfingerprintableTypeException Diagnose(object? root, Type rootType)
    {
        var rootName = StableTypeName.Of(rootType).Split('.')[^1];
        var onPath = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        var stack = new List<Frame>();
        List<string>? deepest = null;
        Push(root, rootName);
        while (stack.Count > 0)
        {
            var top = stack[^1];
            if (!top.Children.MoveNext())
            {
                if (top.Value is not null && !top.Value.GetType().IsValueType) onPath.Remove(top.Value);
                stack.RemoveAt(stack.Count - 1);
                continue;
            }
            var (segment, child) = top.Children.Current;
            if (child is not null && !child.GetType().IsValueType && onPath.TryGetValue(child, out var at))
            {
                var path = Render([.. stack.Select(f => f.Segment), segment]);
                var target = Render(stack.Take(at + 1).Select(f => f.Segment).ToList());
                return new UnfingerprintableTypeException(
                    $"State type '{rootType}' cannot be fingerprinted: the value at '{path}' is the same object as '{target}' (an object cycle). " +
                    "Fingerprints are structural, so a state must be a tree of values: refer to other parts of the state by an id or an index, " +
                    $"or mark the back reference [field: {nameof(FingerprintIgnoreAttribute).Replace("Attribute", "")}].")
                { OffendingType = child.GetType(), MemberPath = path };
            }
            if (stack.Count >= FingerprintDepth.Limit)
            {
                deepest = [.. stack.Select(f => f.Segment), segment];
                break;
            }
            Push(child, segment);
        }
        deepest ??= [rootName];
        var deepPath = Render(deepest);
        return new UnfingerprintableTypeException(
            $"State type '{rootType}' cannot be fingerprinted: the value nests more than {FingerprintDepth.Limit:N0} levels deep (at '{deepPath}'). " +
            "Hold long chains in an immutable collection (ImmutableList, ImmutableArray) rather than in objects that point to each other.")
        { OffendingType = rootType, MemberPath = deepPath };

        void Push(object? value, string segment)
        {
            if (value is not null && !value.GetType().IsValueType) onPath[value] = stack.Count;
            stack.Add(new Frame(value, segment, ChildrenOf(value).GetEnumerator()));
        }
    }

    /// <summary>The members that fingerprinting descends into, as (path segment, value).</summary>
    private static IEnumerable<(string, object?)> ChildrenOf(object? value)
    {
        if (value is null || value is string || value is IFingerprintable) yield break;
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || type.IsPointer || FingerprintCompiler.UnsupportedReason(type) is not null) yield break;
        if (type.Namespace == "System" && !type.IsGenericType) yield break; // decimal, DateTime, Guid, ...
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items) yield return ($"[{i++}]", item);
            yield break;
        }
        foreach (var field in FingerprintCompiler.FingerprintedFields(type))
            yield return ("." + FingerprintCompiler.MemberName(field), field.GetValue(value));
    }

    /// <summary>Joins path segments, folding a repeated segment (or pair of segments) into <c>(.Next)×998</c>.</summary>
    internal static string Render(IReadOnlyList<string> segments)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < segments.Count)
        {
            var folded = false;
            for (var period = 1; period <= 2 && !folded; period++)
            {
                var repeats = 1;
                while (i + (repeats + 1) * period <= segments.Count && Same(i, i + repeats * period, period)) repeats++;
                if (repeats < 4) continue;
                sb.Append('(').Append(string.Concat(segments.Skip(i).Take(period))).Append(")×").Append(repeats);
                i += repeats * period;
                folded = true;
            }
            if (!folded) sb.Append(segments[i++]);
        }
        return sb.ToString();

        bool Same(int a, int b, int length)
        {
            for (var k = 0; k < length; k++) if (segments[a + k] != segments[b + k]) return false;
            return true;
        }
    }
}
