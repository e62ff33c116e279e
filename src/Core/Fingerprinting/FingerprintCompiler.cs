using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using static Stateright.FingerprintMath;

namespace Stateright;

/// <summary>
/// Builds fingerprint functions. Reflection happens here, once per type; the functions it returns are
/// compiled delegates that the checker calls on its hot path.
/// </summary>
internal static class FingerprintCompiler
{
    private static readonly ConcurrentDictionary<Type, RuntimeTypeEntry> s_dynamic = new();

    // A direct-mapped cache in front of s_dynamic: actor states, messages and histories are fingerprinted
    // through object (or a base type) on every step, and a dictionary lookup per value cost more than
    // many of the values' own fingerprints. A miss only falls back to the dictionary.
    private const int CacheBits = 7;
    private static readonly RuntimeTypeEntry?[] s_cache = new RuntimeTypeEntry?[1 << CacheBits];
    private static readonly MethodInfo s_combine = typeof(FingerprintMath).GetMethod(nameof(FingerprintMath.Combine))!;

    /// <summary>The entry fingerprint for static type <typeparamref name="T"/> (polymorphic where the type is).</summary>
    public static Func<T, ulong> CreateEntry<T>()
    {
        var type = typeof(T);
        if (type.IsValueType || type.IsSealed) return ExactFingerprinter<T>.Function;
        if (type.IsAbstract || type.IsInterface)
            return value => value is null ? Fingerprint.Null : OfObject(value);
        return value =>
            value is null ? Fingerprint.Null
            : value.GetType() == typeof(T) ? Combine(TypeTag<T>.Value, ExactFingerprinter<T>.Compute(value))
            : OfObject(value);
    }

    /// <summary>Fingerprints a value of any runtime type, tagging it with that type's name.</summary>
    public static ulong OfObject(object value)
    {
        var type = value.GetType();
        var entry = s_cache[CacheIndex(type)];
        if (entry is null || !ReferenceEquals(entry.Type, type)) entry = Lookup(type);
        if (!entry.Guarded) return Combine(entry.Tag, entry.Exact(value));
        // Dynamic dispatch is where recursion through object, interface or base-class members can
        // repeat; a runtime type whose fingerprint cannot recurse (a bounded tree) needs no guard.
        FingerprintDepth.Enter();
        try { return Combine(entry.Tag, entry.Exact(value)); }
        finally { FingerprintDepth.Exit(); }
    }

    private static int CacheIndex(Type type) => (int)(((ulong)type.TypeHandle.Value * 0x9E3779B97F4A7C15UL) >> (64 - CacheBits));

    private static RuntimeTypeEntry Lookup(Type type)
    {
        var entry = s_dynamic.GetOrAdd(type, static t =>
            (RuntimeTypeEntry)typeof(FingerprintCompiler).GetMethod(nameof(CreateRuntimeTypeEntry), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(t).Invoke(null, BindingFlags.DoNotWrapExceptions, null, null, null)!);
        s_cache[CacheIndex(type)] = entry;
        return entry;
    }

    // The delegate holds the exact fingerprinter itself, so a call reads no generic statics (which
    // code shared between reference types looks up at run time).
    private static RuntimeTypeEntry CreateRuntimeTypeEntry<T>()
    {
        var exact = ExactFingerprinter<T>.Function;
        // OfObject calls an entry only for a value of exactly type T, so a reference needs no cast check.
        Func<object, ulong> ofObject = typeof(T).IsValueType ? value => exact((T)value) : value => exact(Unsafe.As<object, T>(ref value));
        return new(typeof(T), TypeTag<T>.Value, ofObject, Guarded: !Fingerprinter<T>.IsBoundedTree);
    }

    /// <summary>How <see cref="OfObject"/> fingerprints values of one runtime type: the type's tag, its exact fingerprint, and whether that can recurse (and so needs the depth guard).</summary>
    private sealed record RuntimeTypeEntry(Type Type, ulong Tag, Func<object, ulong> Exact, bool Guarded);

    /// <summary>The fingerprint of a value whose runtime type is exactly <typeparamref name="T"/>.</summary>
    public static Func<T, ulong> CreateExact<T>()
    {
        var type = typeof(T);
        if (UnsupportedReason(type) is { } reason)
        {
            return _ => throw new UnfingerprintableTypeException(
                $"Values of type '{type}' cannot be fingerprinted: {reason}. Keep such members out of model states and actions, or implement {nameof(IFingerprintable)}.")
            { OffendingType = type };
        }
        if (CreatePrimitive(type) is { } primitive) return (Func<T, ulong>)primitive;
        if (typeof(IFingerprintable).IsAssignableFrom(type)) return Helper<T>(nameof(FingerprintCollections.OfFingerprintable), type);
        if (Nullable.GetUnderlyingType(type) is { } inner) return Helper<T>(nameof(FingerprintCollections.OfNullable), inner);
        if (CreateCollection<T>() is { } collection) return collection;
        if (type.IsArray) return _ => throw new UnfingerprintableTypeException($"Multi-dimensional array type '{type}' cannot be fingerprinted; use a jagged array or an immutable collection.") { OffendingType = type };
        return CreateComposite<T>();
    }

    private static Delegate? CreatePrimitive(Type type)
    {
        if (IsSimpleType(type))
            return typeof(FingerprintMath).GetMethod(nameof(Simple))!.MakeGenericMethod(type).CreateDelegate(typeof(Func<,>).MakeGenericType(type, typeof(ulong)));
        if (type == typeof(nint)) return (Func<nint, ulong>)(v => Mix((ulong)v));
        if (type == typeof(nuint)) return (Func<nuint, ulong>)(v => Mix(v));
        if (type == typeof(Int128)) return (Func<Int128, ulong>)(v => Combine(Mix((ulong)(v >> 64)), (ulong)v));
        if (type == typeof(UInt128)) return (Func<UInt128, ulong>)(v => Combine(Mix((ulong)(v >> 64)), (ulong)v));
        // Values that Equals calls equal hash alike: 0.0 and -0.0, and every NaN payload.
        if (type == typeof(float)) return (Func<float, ulong>)(v => Mix((ulong)BitConverter.SingleToInt32Bits(v == 0 ? 0f : float.IsNaN(v) ? float.NaN : v)));
        if (type == typeof(double)) return (Func<double, ulong>)(v => Mix((ulong)BitConverter.DoubleToInt64Bits(v == 0 ? 0d : double.IsNaN(v) ? double.NaN : v)));
        if (type == typeof(decimal)) return (Func<decimal, ulong>)OfDecimal;
        if (type == typeof(string)) return (Func<string?, ulong>)OfString;
        if (type == typeof(Guid)) return (Func<Guid, ulong>)(v => OfString(v.ToString("N")));
        if (type == typeof(TimeSpan)) return (Func<TimeSpan, ulong>)(v => Mix((ulong)v.Ticks));
        // Half, like float and double: 0 and -0, and every NaN payload, are equal. Other values keep the
        // hash of their bits that Half had as a simple type.
        if (type == typeof(Half)) return (Func<Half, ulong>)(v => BitConverter.HalfToUInt16Bits(v == Half.Zero ? Half.Zero : Half.IsNaN(v) ? Half.NaN : v));
        // DateTime.Equals compares ticks only (not Kind): the hash of the ticks, which an unspecified-kind
        // value had as a simple type. DateTimeOffset.Equals compares the instant (not the offset).
        if (type == typeof(DateTime)) return (Func<DateTime, ulong>)(v => (ulong)v.Ticks);
        if (type == typeof(DateTimeOffset)) return (Func<DateTimeOffset, ulong>)(v => Mix((ulong)v.UtcTicks));
        // Immutable BCL classes that fill caches lazily: by what their Equals compares, not by their fields.
        if (typeof(Uri).IsAssignableFrom(type)) return (Func<Uri?, ulong>)FingerprintBclValues.OfUri;
        if (typeof(System.Net.IPAddress).IsAssignableFrom(type)) return (Func<System.Net.IPAddress?, ulong>)FingerprintBclValues.OfIPAddress;
        if (typeof(System.Net.IPEndPoint).IsAssignableFrom(type)) return (Func<System.Net.IPEndPoint?, ulong>)FingerprintBclValues.OfIPEndPoint;
        if (typeof(System.Globalization.CultureInfo).IsAssignableFrom(type)) return (Func<System.Globalization.CultureInfo?, ulong>)FingerprintBclValues.OfCulture;
        if (type == typeof(DateOnly)) return (Func<DateOnly, ulong>)(v => Mix((ulong)v.DayNumber));
        if (type == typeof(TimeOnly)) return (Func<TimeOnly, ulong>)(v => Mix((ulong)v.Ticks));
        if (type == typeof(object)) return (Func<object, ulong>)(_ => 0x4F424A45_43540000UL); // a bare object has no content
        return null;
    }

    private static ulong OfDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        if (value == 0m) value = 0m; // -0m and 0.00m keep a sign bit or scale that division does not clear
        decimal.GetBits(value / 1.000000000000000000000000000000000m, bits); // normalize 1.0 and 1.00
        var h = Mix((ulong)(uint)bits[0] | ((ulong)(uint)bits[1] << 32));
        return Combine(h, (ulong)(uint)bits[2] | ((ulong)(uint)bits[3] << 32));
    }

    private static Func<T, ulong> Helper<T>(string name, params Type[] typeArguments) =>
        typeof(FingerprintCollections).GetMethod(name)!.MakeGenericMethod(typeArguments).CreateDelegate<Func<T, ulong>>();

    private static Func<T, ulong>? CreateCollection<T>()
    {
        var type = typeof(T);
        if (KnownCollectionHelper(type) is { } helper) return helper.CreateDelegate<Func<T, ulong>>();

        // Any other collection, by the interfaces it implements: maps, then sets, then sequences.
        // A set or map that exposes its comparer (SortedSet, SortedDictionary, FrozenSet, ConcurrentDictionary…)
        // passes it along, so that keys are fingerprinted as the comparer equates them.
        if ((FindInterface(type, typeof(IReadOnlyDictionary<,>)) ?? FindInterface(type, typeof(IDictionary<,>))) is { } map)
        {
            var pairs = typeof(IEnumerable<>).MakeGenericType(typeof(KeyValuePair<,>).MakeGenericType(map.GetGenericArguments()));
            return KeyComparerProperty(type, map.GetGenericArguments()[0]) is { } comparer
                ? UpcastWithComparer<T>(nameof(FingerprintCollections.OfMapWithComparer), pairs, map.GetGenericArguments(), comparer)
                : Upcast<T>(nameof(FingerprintCollections.OfMap), pairs, map.GetGenericArguments());
        }
        if ((FindInterface(type, typeof(IReadOnlySet<>)) ?? FindInterface(type, typeof(ISet<>)) ?? FindInterface(type, typeof(IImmutableSet<>))) is { } set)
        {
            var items = typeof(IEnumerable<>).MakeGenericType(set.GetGenericArguments());
            return KeyComparerProperty(type, set.GetGenericArguments()[0]) is { } comparer
                ? UpcastWithComparer<T>(nameof(FingerprintCollections.OfSetWithComparer), items, set.GetGenericArguments(), comparer)
                : Upcast<T>(nameof(FingerprintCollections.OfSet), items, set.GetGenericArguments());
        }
        if (type != typeof(string) && FindInterface(type, typeof(IEnumerable<>)) is { } sequence)
            return Upcast<T>(nameof(FingerprintCollections.OfSequence), sequence, sequence.GetGenericArguments());
        return null;
    }

    /// <summary>The helper of <see cref="FingerprintCollections"/> typed on exactly this collection type, if there is one.</summary>
    private static MethodInfo? KnownCollectionHelper(Type type)
    {
        if (type.IsArray && type.IsSZArray) return typeof(FingerprintCollections).GetMethod(nameof(FingerprintCollections.OfArray))!.MakeGenericMethod(type.GetElementType()!);
        if (!type.IsGenericType) return null;
        var definition = type.GetGenericTypeDefinition();
        var known = definition switch
        {
            _ when definition == typeof(ImmutableArray<>) => nameof(FingerprintCollections.OfImmutableArray),
            _ when definition == typeof(ImmutableList<>) => nameof(FingerprintCollections.OfImmutableList),
            _ when definition == typeof(ImmutableQueue<>) => nameof(FingerprintCollections.OfImmutableQueue),
            _ when definition == typeof(ImmutableStack<>) => nameof(FingerprintCollections.OfImmutableStack),
            _ when definition == typeof(List<>) => nameof(FingerprintCollections.OfList),
            _ when definition == typeof(ImmutableHashSet<>) => nameof(FingerprintCollections.OfImmutableHashSet),
            _ when definition == typeof(ImmutableSortedSet<>) => nameof(FingerprintCollections.OfImmutableSortedSet),
            _ when definition == typeof(HashSet<>) => nameof(FingerprintCollections.OfHashSet),
            _ when definition == typeof(ImmutableDictionary<,>) => nameof(FingerprintCollections.OfImmutableDictionary),
            _ when definition == typeof(ImmutableSortedDictionary<,>) => nameof(FingerprintCollections.OfImmutableSortedDictionary),
            _ when definition == typeof(Dictionary<,>) => nameof(FingerprintCollections.OfDictionary),
            _ => null,
        };
        return known is null ? null : typeof(FingerprintCollections).GetMethod(known)!.MakeGenericMethod(type.GetGenericArguments());
    }

    private static Func<T, ulong> Upcast<T>(string helper, Type parameterType, Type[] typeArguments)
    {
        var value = Expression.Parameter(typeof(T), "value");
        var method = typeof(FingerprintCollections).GetMethod(helper)!.MakeGenericMethod(typeArguments);
        var call = Expression.Call(method, Expression.Convert(value, parameterType));
        return Expression.Lambda<Func<T, ulong>>(call, value).Compile();
    }

    /// <summary>The public <c>Comparer</c> or <c>KeyComparer</c> property through which a collection exposes how it compares keys of type <paramref name="key"/>, if any.</summary>
    private static PropertyInfo? KeyComparerProperty(Type type, Type key) =>
        new[] { "KeyComparer", "Comparer" }
            .Select(name => type.GetProperty(name, BindingFlags.Instance | BindingFlags.Public))
            .FirstOrDefault(p => p is not null && p.GetIndexParameters().Length == 0
                && (p.PropertyType == typeof(IEqualityComparer<>).MakeGenericType(key) || p.PropertyType == typeof(IComparer<>).MakeGenericType(key)));

    /// <summary>Like <see cref="Upcast{T}"/>, also passing the collection's comparer and its type to the helper.</summary>
    private static Func<T, ulong> UpcastWithComparer<T>(string helper, Type parameterType, Type[] typeArguments, PropertyInfo comparer)
    {
        var value = Expression.Parameter(typeof(T), "value");
        var method = typeof(FingerprintCollections).GetMethod(helper)!.MakeGenericMethod(typeArguments);
        Expression call = Expression.Call(method, Expression.Convert(value, parameterType),
            Expression.Convert(Expression.Property(value, comparer), typeof(object)), Expression.Constant(typeof(T), typeof(Type)));
        if (!typeof(T).IsValueType)
            call = Expression.Condition(Expression.ReferenceEqual(value, Expression.Constant(null, typeof(T))), Expression.Constant(Fingerprint.Null), call);
        return Expression.Lambda<Func<T, ulong>>(call, value).Compile();
    }

    private static Type? FindInterface(Type type, Type genericInterface)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == genericInterface) return type;
        return type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == genericInterface);
    }

    /// <summary>Records, classes, structs and tuples: every instance field, by name, base classes included.</summary>
    private static Func<T, ulong> CreateComposite<T>()
    {
        var type = typeof(T);
        var value = Expression.Parameter(typeof(T), "value");
        var fields = FingerprintedFields(type);
        Expression hash = Expression.Constant(Seed(0xC0_4D_50_05_17_E0UL, fields.Count));
        foreach (var field in fields)
        {
            // Simple fields hash inline; collections whose exact type is known (a struct or a sealed class)
            // call their helper directly, without a delegate; others go through their type's cached
            // fingerprint function. The three give the same value: only the call path differs.
            var exact = field.FieldType.IsValueType || field.FieldType.IsSealed;
            var compute = IsSimpleType(field.FieldType)
                ? typeof(FingerprintMath).GetMethod(nameof(Simple))!.MakeGenericMethod(field.FieldType)
                : (exact && KnownCollectionHelper(field.FieldType) is { } helper ? helper
                : typeof(Fingerprinter<>).MakeGenericType(field.FieldType).GetMethod(nameof(Fingerprinter<int>.Compute))!);
            hash = Expression.Call(s_combine, hash, Expression.Call(compute, Expression.Field(value, field)));
        }
        if (IsSelfReachable(type))
        {
            // A type that contains itself (a linked node, a tree) is where recursion can repeat: guard its depth.
            hash = Expression.Block(
                Expression.Call(typeof(FingerprintDepth).GetMethod(nameof(FingerprintDepth.Enter))!),
                Expression.TryFinally(hash, Expression.Call(typeof(FingerprintDepth).GetMethod(nameof(FingerprintDepth.Exit))!)));
        }
        if (!type.IsValueType)
            hash = Expression.Condition(Expression.ReferenceEqual(value, Expression.Constant(null, type)), Expression.Constant(Fingerprint.Null), hash);
        return Expression.Lambda<Func<T, ulong>>(hash, value).Compile();
    }

    /// <summary>
    /// True if a value of <paramref name="root"/> can contain another through its declared member types
    /// (fields, collection elements). Members typed as object, an interface or a base class go through
    /// <see cref="OfObject"/>, which guards itself.
    /// </summary>
    internal static bool IsSelfReachable(Type root)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>(Children(root));
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (type == root) return true;
            if (!seen.Add(type)) continue;
            foreach (var child in Children(type)) pending.Push(child);
        }
        return false;

        static IEnumerable<Type> Children(Type type)
        {
            if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type.IsPointer || type.IsByRef || typeof(IFingerprintable).IsAssignableFrom(type)) return [];
            if (type.IsArray) return [type.GetElementType()!];
            if (type.IsGenericType && type.Namespace is "System.Collections.Immutable" or "System.Collections.Generic" or "System") return type.GetGenericArguments();
            if (type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true) return [];
            return FingerprintedFields(type).Select(f => f.FieldType);
        }
    }

    /// <summary>
    /// True if fingerprinting a value of <paramref name="root"/> cannot recurse without bound, so that
    /// <see cref="Fingerprint.Of{T}"/> may skip its depth guard: every type below it is known exactly (no
    /// object, interface or non-sealed class members, which dispatch on the runtime type), none contains
    /// itself, and none runs user code (<see cref="IFingerprintable"/>). Plain records of values and
    /// immutable collections qualify; anything in doubt does not.
    /// </summary>
    internal static bool IsBoundedTree(Type root)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (!seen.Add(type) || IsSimpleType(type)) continue;
            if (UnsupportedReason(type) is not null || typeof(IFingerprintable).IsAssignableFrom(type)) return false;
            if (!type.IsValueType && !type.IsSealed) return false;
            if (CreatePrimitive(type) is not null) continue;
            if (Nullable.GetUnderlyingType(type) is { } inner) { pending.Push(inner); continue; }
            if (KnownCollectionHelper(type) is not null)
            {
                foreach (var element in type.IsArray ? [type.GetElementType()!] : type.GetGenericArguments()) pending.Push(element);
                continue;
            }
            if (type.IsArray || FindInterface(type, typeof(IEnumerable<>)) is not null || IsSelfReachable(type)) return false;
            foreach (var field in FingerprintedFields(type)) pending.Push(field.FieldType);
        }
        return true;
    }

    internal static List<FieldInfo> FingerprintedFields(Type type)
    {
        var fields = new List<FieldInfo>();
        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
        {
            fields.AddRange(t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(f => !f.IsDefined(typeof(FingerprintIgnoreAttribute), inherit: true))
                .OrderBy(f => f.Name, StringComparer.Ordinal));
        }
        return fields;
    }

    /// <summary>Why values of <paramref name="type"/> have no structural fingerprint, or null if they have one.</summary>
    internal static string? UnsupportedReason(Type type)
    {
        if (type.IsPointer || type.IsFunctionPointer || type.IsUnmanagedFunctionPointer) return "it is a pointer";
        if (type.IsByRefLike) return "it is a ref struct";
        if (typeof(Delegate).IsAssignableFrom(type)) return "it is a delegate (code, not data)";
        if (typeof(MemberInfo).IsAssignableFrom(type) || typeof(Assembly).IsAssignableFrom(type) || typeof(Module).IsAssignableFrom(type))
            return "it is a reflection object";
        if (typeof(Task).IsAssignableFrom(type) || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>)) || type == typeof(ValueTask))
            return "it is a task (a running computation, not data)";
        if (typeof(Stream).IsAssignableFrom(type) || typeof(TextReader).IsAssignableFrom(type) || typeof(TextWriter).IsAssignableFrom(type))
            return "it is a stream or reader/writer (external state)";
        if (MutableBclTypes.Reason(type) is { } mutable) return mutable;
        if (typeof(WaitHandle).IsAssignableFrom(type) || type == typeof(Thread) || type == typeof(CancellationTokenSource) || type == typeof(CancellationToken) || type.FullName == "System.Threading.Lock")
            return "it is a synchronization or threading object";
        return null;
    }

    /// <summary>Walks the type graph below <paramref name="root"/> and throws, naming the member, at the first type that cannot be fingerprinted.</summary>
    public static void Validate(Type root)
    {
        var seen = new HashSet<Type>();
        Visit(root, RootName(root));

        void Visit(Type type, string path)
        {
            if (!seen.Add(type)) return;
            if (UnsupportedReason(type) is { } reason)
            {
                throw new UnfingerprintableTypeException(
                    $"State type '{root}' cannot be fingerprinted: member '{path}' has type '{type}', and {reason}. " +
                    $"Keep it out of the state, mark the field [field: {nameof(FingerprintIgnoreAttribute).Replace("Attribute", "")}], or implement {nameof(IFingerprintable)}.")
                { OffendingType = type, MemberPath = path };
            }
            if (type.IsPrimitive || type.IsEnum || type == typeof(string) || typeof(IFingerprintable).IsAssignableFrom(type)) return;
            if (type.IsArray) { Visit(type.GetElementType()!, path + "[]"); return; }
            if (Nullable.GetUnderlyingType(type) is { } inner) { Visit(inner, path); return; }
            if (type.IsGenericType && type.Namespace is "System.Collections.Immutable" or "System.Collections.Generic")
            {
                foreach (var arg in type.GetGenericArguments()) Visit(arg, path + "[]");
                return;
            }
            if (type.IsInterface || type.IsAbstract && type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true) return;
            if (type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true && !type.IsGenericType) return;
            foreach (var field in FingerprintedFields(type))
                Visit(field.FieldType, path + "." + MemberName(field));
        }
    }

    /// <summary>
    /// The first member path from <paramref name="root"/> down to a member that can hold a
    /// <paramref name="target"/>, by the declared types (breadth first, so the shortest), or null.
    /// For messages about a value refused while it was fingerprinted (a collection with a comparer the
    /// fingerprint cannot follow), to say where in the state it sits.
    /// </summary>
    internal static string? FindMember(Type root, Type target)
    {
        var seen = new HashSet<Type> { root };
        var pending = new Queue<(Type Type, string Path)>();
        pending.Enqueue((root, RootName(root)));
        while (pending.TryDequeue(out var current))
        {
            foreach (var (child, path) in Children(current.Type, current.Path))
            {
                if (child == target || (child != typeof(object) && child.IsAssignableFrom(target))) return path;
                if (seen.Add(child)) pending.Enqueue((child, path));
            }
        }
        return null;

        static IEnumerable<(Type, string)> Children(Type type, string path)
        {
            if (type.IsPrimitive || type.IsEnum || type == typeof(string) || typeof(IFingerprintable).IsAssignableFrom(type) || UnsupportedReason(type) is not null) return [];
            if (type.IsArray) return [(type.GetElementType()!, path + "[]")];
            if (Nullable.GetUnderlyingType(type) is { } inner) return [(inner, path)];
            if (type.IsGenericType && type.Namespace is "System.Collections.Immutable" or "System.Collections.Generic")
                return type.GetGenericArguments().Select(a => (a, path + "[]"));
            if (type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true && !type.IsGenericType) return [];
            return FingerprintedFields(type).Select(f => (f.FieldType, path + "." + MemberName(f)));
        }
    }

    /// <summary>A type's name as the first segment of a member path: <c>ServerState</c>, <c>Outer+Inner</c>, <c>Holder</c> for <c>Holder&lt;int&gt;</c>.</summary>
    private static string RootName(Type root)
    {
        var name = StableTypeName.Of(root.IsGenericType ? root.GetGenericTypeDefinition() : root).Split('.')[^1];
        return System.Text.RegularExpressions.Regex.Replace(name, "`[0-9]+", "");
    }

    /// <summary>Turns a compiler-generated backing field name (<c>&lt;Log&gt;k__BackingField</c>) into its property name.</summary>
    internal static string MemberName(FieldInfo field) =>
        field.Name.StartsWith('<') && field.Name.IndexOf('>') is var end and > 0 ? field.Name[1..end] : field.Name;
}
