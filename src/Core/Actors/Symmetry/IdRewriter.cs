namespace Stateright.Actors;

/// <summary>
/// The id-renaming function for values seen through static type <typeparamref name="T"/>, built once
/// per type (on first use) and cached, like <see cref="Fingerprinter{T}"/>: the hot path is a delegate
/// call with no reflection. Types that cannot hold an id are decided statically and returned as they are.
/// </summary>
internal static class IdRewriter<T>
{
    /// <summary>False when no value of static type <typeparamref name="T"/> can hold an id (a constant to the JIT).</summary>
    public static readonly bool MayContainId = RewriterCompiler.MayContainId(typeof(T));

    private static readonly Func<T, IdPermutation, T> s_rewrite = RewriterCompiler.CreateEntry<T>();

    public static T Rewrite(T value, IdPermutation permutation) => MayContainId ? s_rewrite(value, permutation) : value;
}

/// <summary>The id-renaming function for values whose runtime type is exactly <typeparamref name="T"/>.</summary>
internal static class ExactRewriter<T>
{
    public static readonly Func<T, IdPermutation, T> Function = RewriterCompiler.CreateExact<T>();
}
