namespace Stateright;

/// <summary>Implemented by models that know their own symmetry (actor models with interchangeable actors).</summary>
internal interface ISymmetricModel<TState>
{
    /// <summary>The canonical representative function, or null when the model declares no symmetry.</summary>
    Func<TState, TState>? Representative { get; }
}

/// <summary>Finds the representative function for a model run with symmetry reduction (e.g. <c>Symmetry = true</c> in a model test).</summary>
internal static class ModelSymmetry
{
    public const string NoActorSymmetry =
        "Symmetry needs the actor model to declare which actors are interchangeable: call .Symmetric(ids) on the ActorModel, " +
        "e.g. .Symmetric(Id.Range(1, 3)) for the actors Id(1) to Id(3).";

    /// <summary>The model's own symmetry, or the state's <see cref="IRepresentative{TSelf}"/>; otherwise false and why.</summary>
    public static bool TryGetRepresentative<TState, TAction>(Model<TState, TAction> model, out Func<TState, TState> representative, out string problem)
    {
        if (model is ISymmetricModel<TState> symmetric)
        {
            representative = symmetric.Representative!;
            problem = representative is null ? NoActorSymmetry : "";
            return representative is not null;
        }
        if (typeof(IRepresentative<TState>).IsAssignableFrom(typeof(TState)))
        {
            representative = static s => ((IRepresentative<TState>)s!).Representative();
            problem = "";
            return true;
        }
        representative = null!;
        problem = $"Symmetry needs the state type {TypeNames.Readable(typeof(TState))} to implement IRepresentative<{TypeNames.Readable(typeof(TState))}>, " +
                  "or the model to be an ActorModel that declares interchangeable actors with .Symmetric(ids).";
        return false;
    }
}
