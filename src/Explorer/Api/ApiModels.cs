namespace Stateright.Explorer.Api;

// The JSON shapes of API version 1 (docs/explorer.md). Serialized with the web defaults: camelCase names.

/// <summary>GET /api/v1/status: the run so far.</summary>
internal sealed record StatusResponse(
    int ApiVersion,
    string Model,
    string Engine,
    int Threads,
    bool Done,
    string Status,
    double ElapsedSeconds,
    long StateCount,
    long UniqueStateCount,
    int MaxDepth,
    string? Error,
    bool HasSequenceDiagram,
    IReadOnlyList<PropertyStatus> Properties);

/// <summary>A property's verdict so far, and its discovery when there is one.</summary>
internal sealed record PropertyStatus(string Name, string Expectation, string Verdict, string Summary, DiscoveryLink? Discovery);

/// <summary>A discovery: its index path (what the page's URL holds) and, for a lasso, the step its cycle starts after.</summary>
internal sealed record DiscoveryLink(string Classification, string IndexPath, int Length, int? CycleStart);

/// <summary>GET /api/v1/states/{indexPath}: the path to a state, the state, and the steps enabled there.</summary>
internal sealed record StateResponse(
    string IndexPath,
    IReadOnlyList<PathStep> Path,
    int? CycleStart,
    StateView? State,
    IReadOnlyList<NextStep> Next,
    int NextTotal,
    string? SequenceDiagram);

/// <summary>One state on the path: index 0 is the initial state (no action), then one per action.</summary>
internal sealed record PathStep(int Index, string IndexPath, string? Action, bool InCycle);

/// <summary>The current state: its text, the previous state's text (for the diff), its property values.</summary>
internal sealed record StateView(
    string Text,
    string? PreviousText,
    bool WithinBoundary,
    string? Step,
    string? Transition,
    IReadOnlyList<PropertyValue> Properties);

/// <summary>A property's condition evaluated in the current state.</summary>
internal sealed record PropertyValue(string Name, string Expectation, bool? Holds, string? Error);

/// <summary>An enabled action (or, for the empty path, an initial state) and the state it leads to.</summary>
internal sealed record NextStep(
    int Index,
    string IndexPath,
    string? Action,
    bool ChangesState,
    bool WithinBoundary,
    string? State,
    string? Step,
    string? Transition);

/// <summary>Any error: a message for a person.</summary>
internal sealed record ErrorResponse(string Error, string Kind);
