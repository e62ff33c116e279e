using Stateright.Actors;

// In the root namespace, beside CheckerBuilder, so that checker.Symmetry() resolves wherever the checker is used.
namespace Stateright;

/// <summary>Symmetry reduction for actor models.</summary>
public static class ActorModelSymmetry
{
    /// <summary>
    /// Enables symmetry reduction by the interchangeable actors the model declares with
    /// <see cref="ActorModel{TMsg, THistory}.Symmetric"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The model is not an actor model, or declares no interchangeable actors.</exception>
    public static CheckerBuilder<ActorModelState<TMsg, THistory>, ActorModelAction<TMsg>> Symmetry<TMsg, THistory>(
        this CheckerBuilder<ActorModelState<TMsg, THistory>, ActorModelAction<TMsg>> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Model is not ActorModel<TMsg, THistory> model) throw new InvalidOperationException("Symmetry() without a representative needs an ActorModel.");
        if (!model.HasSymmetry) throw new InvalidOperationException(ModelSymmetry.NoActorSymmetry);
        return builder.Symmetry(CanonicalRepresentative<ActorModelState<TMsg, THistory>>.Of(model.Representative));
    }
}
