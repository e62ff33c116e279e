namespace Stateright.Distributed;

/// <summary>What every partition of a run is told at the start.</summary>
[GenerateSerializer, Immutable]
internal sealed record RunSpec(
    [property: Id(0)] string RunId,
    [property: Id(1)] string ModelName,
    [property: Id(2)] int Partitions,
    [property: Id(3)] int BatchBytes,
    [property: Id(4)] string[] PropertyNames);

/// <summary>A state a partition found to discover a property, by index path (the canonical choice within a level is the smallest).</summary>
[GenerateSerializer, Immutable]
internal sealed record FoundState([property: Id(0)] int Property, [property: Id(1)] int[] Path, [property: Id(2)] ulong Key);

/// <summary>A partition's initial states: how many lie within the boundary (all of them, the same on every partition), and how many it owns.</summary>
[GenerateSerializer, Immutable]
internal sealed record InitReport([property: Id(0)] long InitialCount, [property: Id(1)] long Owned, [property: Id(2)] string? Error);

/// <summary>A partition's expansion of its share of a level.</summary>
[GenerateSerializer, Immutable]
internal sealed record ExpandReport(
    [property: Id(0)] long Generated,
    [property: Id(1)] long Sent,
    [property: Id(2)] FoundState[] Found,
    [property: Id(3)] string? Error,
    [property: Id(4)] int[]? ErrorPath);

/// <summary>A partition's share of the next level, once it has taken in every successor sent to it; <c>Silo</c> is the silo that hosts it.</summary>
[GenerateSerializer, Immutable]
internal sealed record CommitReport([property: Id(0)] long Received, [property: Id(1)] long Frontier, [property: Id(2)] long Unique, [property: Id(3)] string? Error)
{
    [Id(4)] public string Silo { get; init; } = "";
}

/// <summary>A whole level, as the coordinator reports it to the front door.</summary>
[GenerateSerializer, Immutable]
internal sealed record LevelReport(
    [property: Id(0)] long Generated,
    [property: Id(1)] long Frontier,
    [property: Id(2)] long Unique,
    [property: Id(3)] FoundState[] Found,
    [property: Id(4)] string? Error,
    [property: Id(5)] int[]? ErrorPath)
{
    /// <summary>Per silo, at the level's end: its partitions and the unique states they hold.</summary>
    [Id(6)] public SiloShare[] Silos { get; init; } = [];
}

/// <summary>What one silo holds of a run: how many of its partitions, and their unique states.</summary>
[GenerateSerializer, Immutable]
public sealed record SiloShare([property: Id(0)] string Silo, [property: Id(1)] int Partitions, [property: Id(2)] long UniqueStateCount);

/// <summary>How a partition reached a state it owns: from its parent by an action index, or as initial state #Index.</summary>
[GenerateSerializer, Immutable]
internal readonly record struct ParentLink([property: Id(0)] bool Known, [property: Id(1)] ulong Parent, [property: Id(2)] int Index, [property: Id(3)] bool IsInitial);
