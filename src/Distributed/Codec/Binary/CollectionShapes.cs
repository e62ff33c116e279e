using System.Collections.Immutable;

namespace Stateright.Distributed.Binary;

/// <summary>
/// Collections travel as their elements and are rebuilt through their public API: a hash set's layout
/// depends on hash codes, which differ between processes (strings'), so copying its fields would not do.
/// Only collections with the default comparer travel; another comparer cannot be named on the wire.
/// </summary>
internal abstract class SequenceShape<TCollection, T> : Shape where TCollection : IEnumerable<T>
{
    public sealed override void Write(Encoder encoder, object value)
    {
        var collection = (TCollection)value;
        CheckComparer(collection);
        encoder.Wire.VarUInt((ulong)Count(collection));
        foreach (var item in collection) encoder.Value(typeof(T), item);
    }

    public sealed override object Read(ref Decoder decoder)
    {
        var items = new T[decoder.Wire.Count()];
        for (var i = 0; i < items.Length; i++) items[i] = (T)decoder.Value(typeof(T))!;
        return Build(items)!;
    }

    protected abstract int Count(TCollection collection);

    protected abstract TCollection Build(T[] items);

    protected virtual void CheckComparer(TCollection collection) { }

    protected static void Require(bool defaultComparer, string collection)
    {
        if (!defaultComparer) throw new NotSupportedException($"A {collection} with a comparer of its own cannot travel through the binary codec (only the default comparer can be rebuilt on another silo).");
    }
}

internal sealed class ImmutableArrayShape<T> : Shape
{
    public override void Write(Encoder encoder, object value)
    {
        var array = (ImmutableArray<T>)value;
        if (array.IsDefault)
        {
            encoder.Wire.VarUInt(0);
            return;
        }
        encoder.Wire.VarUInt((ulong)array.Length + 1);
        foreach (var item in array) encoder.Value(typeof(T), item);
    }

    public override object Read(ref Decoder decoder)
    {
        var length = decoder.Wire.Count();
        if (length == 0) return default(ImmutableArray<T>);
        var builder = ImmutableArray.CreateBuilder<T>(length - 1);
        for (var i = 0; i < length - 1; i++) builder.Add((T)decoder.Value(typeof(T))!);
        return builder.MoveToImmutable();
    }
}

internal sealed class ImmutableListShape<T> : SequenceShape<ImmutableList<T>, T>
{
    protected override int Count(ImmutableList<T> collection) => collection.Count;
    protected override ImmutableList<T> Build(T[] items) => ImmutableList.Create(items);
}

internal sealed class ImmutableHashSetShape<T> : SequenceShape<ImmutableHashSet<T>, T>
{
    protected override int Count(ImmutableHashSet<T> collection) => collection.Count;
    protected override ImmutableHashSet<T> Build(T[] items) => ImmutableHashSet.Create(items);
    protected override void CheckComparer(ImmutableHashSet<T> collection) => Require(Equals(collection.KeyComparer, EqualityComparer<T>.Default), "hash set");
}

internal sealed class ImmutableSortedSetShape<T> : SequenceShape<ImmutableSortedSet<T>, T>
{
    protected override int Count(ImmutableSortedSet<T> collection) => collection.Count;
    protected override ImmutableSortedSet<T> Build(T[] items) => ImmutableSortedSet.Create(items);
    protected override void CheckComparer(ImmutableSortedSet<T> collection) => Require(Equals(collection.KeyComparer, Comparer<T>.Default), "sorted set");
}

internal sealed class ListShape<T> : SequenceShape<List<T>, T>
{
    protected override int Count(List<T> collection) => collection.Count;
    protected override List<T> Build(T[] items) => [.. items];
}

internal sealed class HashSetShape<T> : SequenceShape<HashSet<T>, T>
{
    protected override int Count(HashSet<T> collection) => collection.Count;
    protected override HashSet<T> Build(T[] items) => [.. items];
    protected override void CheckComparer(HashSet<T> collection) => Require(Equals(collection.Comparer, EqualityComparer<T>.Default), "hash set");
}

/// <summary>Maps travel as their pairs, rebuilt through their public API.</summary>
internal abstract class MapShape<TMap, TKey, TValue> : Shape where TMap : IReadOnlyCollection<KeyValuePair<TKey, TValue>>
{
    public sealed override void Write(Encoder encoder, object value)
    {
        var map = (TMap)value;
        CheckComparers(map);
        encoder.Wire.VarUInt((ulong)map.Count);
        foreach (var (key, item) in map)
        {
            encoder.Value(typeof(TKey), key);
            encoder.Value(typeof(TValue), item);
        }
    }

    public sealed override object Read(ref Decoder decoder)
    {
        var pairs = new KeyValuePair<TKey, TValue>[decoder.Wire.Count()];
        for (var i = 0; i < pairs.Length; i++)
        {
            var key = (TKey)decoder.Value(typeof(TKey))!;
            pairs[i] = new(key, (TValue)decoder.Value(typeof(TValue))!);
        }
        return Build(pairs)!;
    }

    protected abstract TMap Build(KeyValuePair<TKey, TValue>[] pairs);

    protected abstract void CheckComparers(TMap map);

    protected static void Require(bool defaultComparers, string map)
    {
        if (!defaultComparers) throw new NotSupportedException($"A {map} with a comparer of its own cannot travel through the binary codec (only the default comparers can be rebuilt on another silo).");
    }
}

internal sealed class ImmutableDictionaryShape<TKey, TValue> : MapShape<ImmutableDictionary<TKey, TValue>, TKey, TValue> where TKey : notnull
{
    protected override ImmutableDictionary<TKey, TValue> Build(KeyValuePair<TKey, TValue>[] pairs) => ImmutableDictionary.CreateRange(pairs);
    protected override void CheckComparers(ImmutableDictionary<TKey, TValue> map) =>
        Require(Equals(map.KeyComparer, EqualityComparer<TKey>.Default) && Equals(map.ValueComparer, EqualityComparer<TValue>.Default), "dictionary");
}

internal sealed class ImmutableSortedDictionaryShape<TKey, TValue> : MapShape<ImmutableSortedDictionary<TKey, TValue>, TKey, TValue> where TKey : notnull
{
    protected override ImmutableSortedDictionary<TKey, TValue> Build(KeyValuePair<TKey, TValue>[] pairs) => ImmutableSortedDictionary.CreateRange(pairs);
    protected override void CheckComparers(ImmutableSortedDictionary<TKey, TValue> map) =>
        Require(Equals(map.KeyComparer, Comparer<TKey>.Default) && Equals(map.ValueComparer, EqualityComparer<TValue>.Default), "sorted dictionary");
}

internal sealed class DictionaryShape<TKey, TValue> : MapShape<Dictionary<TKey, TValue>, TKey, TValue> where TKey : notnull
{
    protected override Dictionary<TKey, TValue> Build(KeyValuePair<TKey, TValue>[] pairs) => new(pairs);
    protected override void CheckComparers(Dictionary<TKey, TValue> map) => Require(Equals(map.Comparer, EqualityComparer<TKey>.Default), "dictionary");
}
