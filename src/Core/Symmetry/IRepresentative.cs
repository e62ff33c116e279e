namespace Stateright;

/// <summary>
/// A state that can name a canonical member of its symmetry class, for symmetry reduction: states
/// with the same representative are checked once. For example, a system of interchangeable servers
/// can sort the servers' states (see <see cref="RewritePlan"/>).
/// </summary>
/// <typeparam name="TSelf">The state type itself.</typeparam>
public interface IRepresentative<TSelf>
{
    /// <summary>The canonical member of this state's symmetry class.</summary>
    TSelf Representative();
}
