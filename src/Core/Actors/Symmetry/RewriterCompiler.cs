using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;

namespace Stateright.Actors;

/// <summary>
/// Builds id-renaming functions. Reflection happens here, once per type; the functions it returns are
/// compiled delegates (composites are emitted as IL that clones the value and replaces the fields that
/// can hold ids, readonly ones included).
/// </summary>
internal static class RewriterCompiler
{
    private static readonly ConcurrentDictionary<Type, bool> s_mayContainId = new();
    private static readonly ConcurrentDictionary<Type, bool> s_exactMayContainId = new();
    private static readonly ConcurrentDictionary<Type, Func<object, IdPermutation, object>> s_dynamic = new();
    private static readonly MethodInfo s_memberwiseClone = typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!;

    private static readonly Dictionary<Type, string> s_collections = new()
    {
        [typeof(ImmutableArray<>)] = nameof(RewriteCollections.OfImmutableArray),
        [typeof(ImmutableList<>)] = nameof(RewriteCollections.OfImmutableList),
        [typeof(ImmutableQueue<>)] = nameof(RewriteCollections.OfImmutableQueue),
        [typeof(ImmutableStack<>)] = nameof(RewriteCollections.OfImmutableStack),
        [typeof(List<>)] = nameof(RewriteCollections.OfList),
        [typeof(ImmutableHashSet<>)] = nameof(RewriteCollections.OfImmutableHashSet),
        [typeof(ImmutableSortedSet<>)] = nameof(RewriteCollections.OfImmutableSortedSet),
        [typeof(HashSet<>)] = nameof(RewriteCollections.OfHashSet),
        [typeof(ImmutableDictionary<,>)] = nameof(RewriteCollections.OfImmutableDictionary),
        [typeof(ImmutableSortedDictionary<,>)] = nameof(RewriteCollections.OfImmutableSortedDictionary),
        [typeof(Dictionary<,>)] = nameof(RewriteCollections.OfDictionary),
        [typeof(KeyValuePair<,>)] = nameof(RewriteCollections.OfKeyValuePair),
    };

    /// <summary>Whether a value seen through static type <paramref name="type"/> can hold an id (any non-sealed class can: a subclass may add one).</summary>
    public static bool MayContainId(Type type) => s_mayContainId.GetOrAdd(type, static t => Reaches(t, exactRoot: false, []));

    /// <summary>Whether a value whose runtime type is exactly <paramref name="type"/> can hold an id.</summary>
    public static bool ExactMayContainId(Type type) => s_exactMayContainId.GetOrAdd(type, static t => Reaches(t, exactRoot: true, []));

    /// <summary>Whether an id is reachable from <paramref name="type"/> through fields, elements or unknown subclasses.</summary>
    private static bool Reaches(Type type, bool exactRoot, HashSet<Type> seen)
    {
        if (type == typeof(Id)) return true;
        if (!seen.Add(type)) return false; // already explored (or being explored) from this root: reachability needs no second visit
        if (IsRewritable(type)) return true;
        if (FingerprintCompiler.UnsupportedReason(type) is not null || type.IsPointer || type.IsByRef) return false;
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)) return false;
        if (!exactRoot && !type.IsValueType && !type.IsSealed) return true; // object, interfaces, abstract and open classes: decided per runtime type
        if (Nullable.GetUnderlyingType(type) is { } inner) return Reaches(inner, false, seen);
        if (type.IsArray) return Reaches(type.GetElementType()!, false, seen);
        if (type.IsGenericType && s_collections.ContainsKey(type.GetGenericTypeDefinition()))
            return type.GetGenericArguments().Any(a => Reaches(a, false, seen));
        if (SequenceElement(type) is { } element) return Reaches(element, false, seen);
        if (type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true && !type.IsGenericType) return false; // DateTime, Guid, TimeSpan…
        return FingerprintCompiler.FingerprintedFields(type).Any(f => Reaches(f.FieldType, false, seen));
    }

    private static bool IsRewritable(Type type) =>
        !type.IsPointer && !type.IsByRef && !type.IsByRefLike && !type.IsGenericParameter && typeof(IRewritable<>).MakeGenericType(type).IsAssignableFrom(type);

    private static Type? SequenceElement(Type type) =>
        type == typeof(string) ? null
        : (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? type : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)))
            ?.GetGenericArguments()[0];

    /// <summary>The renaming for static type <typeparamref name="T"/>: polymorphic where the type is.</summary>
    public static Func<T, IdPermutation, T> CreateEntry<T>()
    {
        var type = typeof(T);
        if (!MayContainId(type)) return static (value, _) => value;
        if (type.IsValueType || type.IsSealed) return ExactRewriter<T>.Function;
        if (IsRewritable(type)) return Helper<T>(nameof(RewriteCollections.OfRewritable), type); // an open type that renames itself (virtually)
        return static (value, p) => value is null ? value : (T)OfObject(value, p);
    }

    /// <summary>Renames the ids in a value of any runtime type.</summary>
    public static object OfObject(object value, IdPermutation p) => s_dynamic.GetOrAdd(value.GetType(), CreateDynamic)(value, p);

    private static Func<object, IdPermutation, object> CreateDynamic(Type type)
    {
        if (!ExactMayContainId(type)) return static (value, _) => value;
        return (Func<object, IdPermutation, object>)typeof(RewriterCompiler).GetMethod(nameof(DynamicEntry), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type).CreateDelegate(typeof(Func<object, IdPermutation, object>));
    }

    private static object DynamicEntry<T>(object value, IdPermutation p) => ExactRewriter<T>.Function((T)value, p)!;

    /// <summary>The renaming of a value whose runtime type is exactly <typeparamref name="T"/>.</summary>
    public static Func<T, IdPermutation, T> CreateExact<T>()
    {
        var type = typeof(T);
        if (type == typeof(Id)) return (Func<T, IdPermutation, T>)(Delegate)(Func<Id, IdPermutation, Id>)(static (id, p) => p.Map(id));
        if (!ExactMayContainId(type)) return static (value, _) => value;
        if (FindProblem(type) is { } problem)
        {
            var message = problem.Path == Display(type)
                ? $"Values of type '{Display(type)}' can hold actor ids but cannot be rebuilt with the ids renamed: {problem.Reason}. Implement {nameof(IRewritable<int>)}<{Display(type)}>."
                : $"Values of type '{Display(type)}' can hold actor ids but cannot be rebuilt with the ids renamed: member '{problem.Path}' has type '{Display(problem.Type)}', and {problem.Reason}. " +
                  $"Implement {nameof(IRewritable<int>)}<{Display(problem.Type)}> (or {nameof(IRewritable<int>)}<{Display(type)}>).";
            return (_, _) => throw new UnrewritableTypeException(message) { OffendingType = problem.Type, MemberPath = problem.Path };
        }
        if (IsRewritable(type)) return Helper<T>(nameof(RewriteCollections.OfRewritable), type);
        if (Nullable.GetUnderlyingType(type) is { } inner) return Helper<T>(nameof(RewriteCollections.OfNullable), inner);
        if (type.IsSZArray) return Helper<T>(nameof(RewriteCollections.OfArray), type.GetElementType()!);
        if (type.IsGenericType && s_collections.TryGetValue(type.GetGenericTypeDefinition(), out var helper))
            return Helper<T>(helper, type.GetGenericArguments());
        return CreateComposite<T>();
    }

    private static Func<T, IdPermutation, T> Helper<T>(string name, params Type[] typeArguments) =>
        typeof(RewriteCollections).GetMethod(name)!.MakeGenericMethod(typeArguments).CreateDelegate<Func<T, IdPermutation, T>>();

    /// <summary>Why values of exactly <paramref name="type"/> (which can hold ids) cannot be rebuilt, or null.</summary>
    private static string? LocalProblem(Type type)
    {
        if (type == typeof(Id) || IsRewritable(type) || Nullable.GetUnderlyingType(type) is not null) return null;
        if (type.IsArray) return type.IsSZArray ? null : "multi-dimensional arrays are not rebuilt";
        if (type.IsGenericType && s_collections.ContainsKey(type.GetGenericTypeDefinition())) return null;
        if (typeof(IFingerprintable).IsAssignableFrom(type)) return $"it computes its own fingerprint ({nameof(IFingerprintable)}), so a field-by-field copy could keep a stale one";
        if (SequenceElement(type) is not null) return "it is a collection this library does not know how to rebuild";
        return null;
    }

    /// <summary>
    /// The first member below <paramref name="root"/> (static types only; values of open types are
    /// checked when met) whose type can hold ids but cannot be rebuilt.
    /// </summary>
    private static (string Path, Type Type, string Reason)? FindProblem(Type root)
    {
        var seen = new HashSet<Type>();
        return Visit(root, Display(root), exactRoot: true);

        (string, Type, string)? Visit(Type type, string path, bool exactRoot)
        {
            if (!(exactRoot ? ExactMayContainId(type) : MayContainId(type))) return null;
            if (!exactRoot && !type.IsValueType && !type.IsSealed) return null; // checked per runtime type
            if (!seen.Add(type)) return null;
            if (LocalProblem(type) is { } reason) return (path, type, reason);
            if (type == typeof(Id) || IsRewritable(type)) return null;
            if (Nullable.GetUnderlyingType(type) is { } inner) return Visit(inner, path, false);
            if (type.IsArray) return Visit(type.GetElementType()!, path + "[]", false);
            if (type.IsGenericType && s_collections.ContainsKey(type.GetGenericTypeDefinition()))
            {
                foreach (var argument in type.GetGenericArguments())
                    if (Visit(argument, path + "[]", false) is { } found) return found;
                return null;
            }
            foreach (var field in FingerprintCompiler.FingerprintedFields(type))
                if (Visit(field.FieldType, path + "." + FingerprintCompiler.MemberName(field), false) is { } found) return found;
            return null;
        }
    }

    /// <summary>
    /// Records, classes, structs and tuples: a shallow copy whose fields that can hold ids (base classes
    /// included; fields marked <see cref="FingerprintIgnoreAttribute"/> are copied as they are) are
    /// replaced by their renamed values.
    /// </summary>
    private static Func<T, IdPermutation, T> CreateComposite<T>()
    {
        var type = typeof(T);
        var fields = FingerprintCompiler.FingerprintedFields(type).Where(f => MayContainId(f.FieldType)).ToArray();
        var method = new DynamicMethod("RewriteIds_" + type.Name, type, [type, typeof(IdPermutation)], typeof(RewriterCompiler).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        var copy = il.DeclareLocal(type);
        if (type.IsValueType)
        {
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Stloc, copy);
        }
        else
        {
            var notNull = il.DefineLabel();
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Brtrue_S, notNull);
            il.Emit(OpCodes.Ldnull);
            il.Emit(OpCodes.Ret);
            il.MarkLabel(notNull);
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Call, s_memberwiseClone);
            il.Emit(OpCodes.Castclass, type);
            il.Emit(OpCodes.Stloc, copy);
        }
        foreach (var field in fields)
        {
            var rewrite = typeof(IdRewriter<>).MakeGenericType(field.FieldType).GetMethod(nameof(IdRewriter<int>.Rewrite))!;
            il.Emit(type.IsValueType ? OpCodes.Ldloca : OpCodes.Ldloc, copy);
            il.Emit(type.IsValueType ? OpCodes.Ldarga_S : OpCodes.Ldarg_S, (byte)0);
            il.Emit(OpCodes.Ldfld, field);
            il.Emit(OpCodes.Ldarg_1);
            il.Emit(OpCodes.Call, rewrite);
            il.Emit(OpCodes.Stfld, field);
        }
        il.Emit(OpCodes.Ldloc, copy);
        il.Emit(OpCodes.Ret);
        return method.CreateDelegate<Func<T, IdPermutation, T>>();
    }

    private static string Display(Type type) => TypeNames.Readable(type);
}
