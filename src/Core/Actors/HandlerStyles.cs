using System.Collections.Concurrent;
using System.Reflection;

namespace Stateright.Actors;

/// <summary>
/// The glue between the two handler styles of the actor base classes: the <c>ref Cow</c> handlers
/// default to calling the state-returning ones, so an actor overrides one style per handler. Overriding
/// both would silently ignore the returning one, so the base constructors reject it.
/// </summary>
internal static class HandlerStyles
{
    private static readonly ConcurrentDictionary<(Type Actor, Type Base), string?> s_errors = new();

    /// <summary>True when a returned state means "unchanged": the same instance, or for value types an equal value.</summary>
    public static bool IsUnchanged<TState>(TState returned, TState current) =>
        typeof(TState).IsValueType ? EqualityComparer<TState>.Default.Equals(returned, current) : ReferenceEquals(returned, current);

    /// <summary>Assigns <paramref name="returned"/> to the cell unless it means "unchanged" (the returning style's no-op rule).</summary>
    public static void Assign<TState>(ref Cow<TState> cell, TState returned)
    {
        if (!IsUnchanged(returned, cell.Value)) cell.Value = returned;
    }

    /// <summary>The untyped result of a handler call: the new state if the cell changed, else the original instance.</summary>
    public static object Result<TState>(in Cow<TState> cell, object original, out bool changed) where TState : notnull
    {
        changed = cell.IsChanged;
        return changed ? cell.Value : original;
    }

    /// <summary>Throws if <paramref name="actorType"/> overrides a handler of <paramref name="baseType"/> in both styles.</summary>
    /// <exception cref="InvalidOperationException">A handler is overridden in both styles.</exception>
    public static void Verify(Type actorType, Type baseType)
    {
        if (s_errors.GetOrAdd((actorType, baseType), static key => FindDoubleOverride(key.Actor, key.Base)) is { } error)
            throw new InvalidOperationException(error);
    }

    private static string? FindDoubleOverride(Type actorType, Type baseType)
    {
        foreach (var name in (string[])["OnMsg", "OnTimeout", "OnRandom"])
        {
            // GetMethods lists each virtual slot once, by its most derived override.
            var overridden = actorType.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.Name == name && m.DeclaringType != baseType && m.GetBaseDefinition().DeclaringType == baseType)
                .ToList();
            if (overridden.Count > 1)
                return $"The actor {TypeNames.Readable(actorType)} overrides {name} in both styles: " +
                    $"'void {name}(…, ref Cow<…> state, …)' and '{TypeNames.Readable(overridden.First(m => m.ReturnType != typeof(void)).ReturnType)} {name}(…, state, …)'. " +
                    "Override one of them: the ref Cow form would hide the state-returning one.";
        }
        return null;
    }
}
