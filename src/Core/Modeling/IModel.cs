namespace Stateright;

/// <summary>
/// Any model, without its type arguments: what a model-test method may return instead of spelling
/// <c>ActorModel&lt;RegisterMsg&lt;…&gt;, LinearizabilityTester&lt;…&gt;&gt;</c>. Every
/// <see cref="Model{TState, TAction}"/> is one.
/// </summary>
public interface IModel
{
    /// <summary>The state type.</summary>
    Type StateType { get; }

    /// <summary>The action type.</summary>
    Type ActionType { get; }

    /// <summary>The names of the model's properties, in declaration order.</summary>
    IReadOnlyList<string> PropertyNames { get; }
}
