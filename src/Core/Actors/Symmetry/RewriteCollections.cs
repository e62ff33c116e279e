using System.Collections.Immutable;

namespace Stateright.Actors;

/// <summary>
/// Rebuilds collections with their elements' ids renamed. Sets and maps are rebuilt through their own
/// comparers, so elements whose order or hash changes with the renaming land in the right place.
/// </summary>
internal static class RewriteCollections
{
    public static T[]? OfArray<T>(T[]? items, IdPermutation p)
    {
        if (items is null) return null;
        var result = new T[items.Length];
        for (var i = 0; i < items.Length; i++) result[i] = IdRewriter<T>.Rewrite(items[i], p);
        return result;
    }

    public static ImmutableArray<T> OfImmutableArray<T>(ImmutableArray<T> items, IdPermutation p)
    {
        if (items.IsDefault) return items;
        var builder = ImmutableArray.CreateBuilder<T>(items.Length);
        foreach (var item in items) builder.Add(IdRewriter<T>.Rewrite(item, p));
        return builder.MoveToImmutable();
    }

    public static ImmutableList<T>? OfImmutableList<T>(ImmutableList<T>? items, IdPermutation p) =>
        items is null ? null : ImmutableList.CreateRange(items.Select(item => IdRewriter<T>.Rewrite(item, p)));

    public static ImmutableQueue<T>? OfImmutableQueue<T>(ImmutableQueue<T>? items, IdPermutation p) =>
        items is null ? null : ImmutableQueue.CreateRange(items.Select(item => IdRewriter<T>.Rewrite(item, p)));

    public static ImmutableStack<T>? OfImmutableStack<T>(ImmutableStack<T>? items, IdPermutation p)
    {
        if (items is null) return null;
        var topFirst = items.ToArray();
        var result = ImmutableStack<T>.Empty;
        for (var i = topFirst.Length - 1; i >= 0; i--) result = result.Push(IdRewriter<T>.Rewrite(topFirst[i], p));
        return result;
    }

    public static List<T>? OfList<T>(List<T>? items, IdPermutation p) =>
        items?.ConvertAll(item => IdRewriter<T>.Rewrite(item, p));

    public static ImmutableHashSet<T>? OfImmutableHashSet<T>(ImmutableHashSet<T>? items, IdPermutation p) =>
        items is null ? null : ImmutableHashSet.CreateRange(items.KeyComparer, items.Select(item => IdRewriter<T>.Rewrite(item, p)));

    public static ImmutableSortedSet<T>? OfImmutableSortedSet<T>(ImmutableSortedSet<T>? items, IdPermutation p) =>
        items is null ? null : ImmutableSortedSet.CreateRange(items.KeyComparer, items.Select(item => IdRewriter<T>.Rewrite(item, p)));

    public static HashSet<T>? OfHashSet<T>(HashSet<T>? items, IdPermutation p) =>
        items is null ? null : new HashSet<T>(items.Select(item => IdRewriter<T>.Rewrite(item, p)), items.Comparer);

    public static ImmutableDictionary<TKey, TValue>? OfImmutableDictionary<TKey, TValue>(ImmutableDictionary<TKey, TValue>? map, IdPermutation p)
        where TKey : notnull =>
        map is null ? null : ImmutableDictionary.CreateRange(map.KeyComparer, map.ValueComparer, map.Select(e => OfKeyValuePair(e, p)));

    public static ImmutableSortedDictionary<TKey, TValue>? OfImmutableSortedDictionary<TKey, TValue>(ImmutableSortedDictionary<TKey, TValue>? map, IdPermutation p)
        where TKey : notnull =>
        map is null ? null : ImmutableSortedDictionary.CreateRange(map.KeyComparer, map.ValueComparer, map.Select(e => OfKeyValuePair(e, p)));

    public static Dictionary<TKey, TValue>? OfDictionary<TKey, TValue>(Dictionary<TKey, TValue>? map, IdPermutation p)
        where TKey : notnull
    {
        if (map is null) return null;
        var result = new Dictionary<TKey, TValue>(map.Count, map.Comparer);
        foreach (var entry in map) result.Add(IdRewriter<TKey>.Rewrite(entry.Key, p), IdRewriter<TValue>.Rewrite(entry.Value, p));
        return result;
    }

    public static KeyValuePair<TKey, TValue> OfKeyValuePair<TKey, TValue>(KeyValuePair<TKey, TValue> entry, IdPermutation p) =>
        new(IdRewriter<TKey>.Rewrite(entry.Key, p), IdRewriter<TValue>.Rewrite(entry.Value, p));

    public static T? OfNullable<T>(T? value, IdPermutation p) where T : struct =>
        value is { } v ? IdRewriter<T>.Rewrite(v, p) : null;

    public static T OfRewritable<T>(T value, IdPermutation p) where T : IRewritable<T> =>
        value is null ? value! : value.Rewrite(p);
}
