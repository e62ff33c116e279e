using System.Collections.Immutable;

namespace Stateright.Actors;

public sealed partial class ActorModel<TMsg, THistory> : ISymmetricModel<ActorModelState<TMsg, THistory>>
{
    private readonly List<ImmutableArray<Id>> _symmetricGroups = [];
    private ActorSymmetry? _symmetry;

    /// <summary>
    /// Declares actors interchangeable for symmetry reduction (<c>Symmetric(Id.Range(1, 3))</c>: the three
    /// clients): a system state and the same state with these actors renamed among themselves are
    /// checked once, when the checker runs with <see cref="Stateright.ActorModelSymmetry.Symmetry{TMsg, THistory}"/>
    /// (or a model test with <c>Symmetry = true</c>). Call once per group; groups must be disjoint.
    /// </summary>
    /// <remarks>
    /// Interchangeable actors must be of one class and behave alike: an actor may depend on its own id
    /// only through ids it stores and sends (which are renamed), not through the number (a client that
    /// writes <c>'A' + id</c> is not interchangeable). Properties and the boundary must not tell the
    /// actors apart either. The cost is a rewrite and a fingerprint of each state per candidate renaming:
    /// one when the actors of each group can be told apart, up to the whole group (the product of the
    /// groups' factorials, at most 720) when they look alike.
    /// </remarks>
    /// <exception cref="ArgumentException">Fewer than two ids, or an id listed twice.</exception>
    public ActorModel<TMsg, THistory> Symmetric(params IEnumerable<Id> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var group = ids.ToImmutableArray();
        if (group.Length < 2) throw new ArgumentException($"Symmetric needs at least two interchangeable actors; got {group.Length}.", nameof(ids));
        if (group.Distinct().Count() != group.Length) throw new ArgumentException($"Symmetric({string.Join(", ", group.Select(id => id.Value))}) lists an actor twice.", nameof(ids));
        _symmetricGroups.Add([.. group.Order()]);
        _symmetry = null;
        return this;
    }

    /// <summary>The groups of interchangeable actors declared with <see cref="Symmetric"/>.</summary>
    public IReadOnlyList<IReadOnlyList<Id>> SymmetricGroups => _symmetricGroups.Select(g => (IReadOnlyList<Id>)g).ToArray();

    /// <summary>Whether the model declares interchangeable actors.</summary>
    public bool HasSymmetry => _symmetricGroups.Count > 0;

    /// <summary>
    /// The canonical member of <paramref name="state"/>'s symmetry class: of the states obtained by
    /// the renamings that sort each group by a per-actor key no renaming changes (all orders among
    /// equal keys), the one with the smallest fingerprint. Every state of a class gets the same
    /// representative, so reduced counts do not depend on the engine's visit order or thread count.
    /// </summary>
    /// <exception cref="InvalidOperationException">No actors are declared interchangeable, or the declaration does not fit the actors.</exception>
    public ActorModelState<TMsg, THistory> Representative(ActorModelState<TMsg, THistory> state) => Symmetry.Representative(state);

    /// <summary>The group, checked against the actors on first use (actors may be added after <see cref="Symmetric"/>).</summary>
    private ActorSymmetry Symmetry
    {
        get
        {
            if (_symmetry is { } symmetry) return symmetry;
            if (_symmetricGroups.Count == 0) throw new InvalidOperationException(ModelSymmetry.NoActorSymmetry);
            return _symmetry = ActorSymmetry.Create(_actors, _symmetricGroups);
        }
    }

    Func<ActorModelState<TMsg, THistory>, ActorModelState<TMsg, THistory>>? ISymmetricModel<ActorModelState<TMsg, THistory>>.Representative =>
        HasSymmetry ? CanonicalRepresentative<ActorModelState<TMsg, THistory>>.Of(Representative) : null;
}
