namespace Stateright;

/// <summary>
/// Names the model callback an exception came from (a property, the symmetry representative, an
/// actor's <c>OnStart</c>) by annotating the exception itself, so the engine's fault message can say
/// which callback threw while the exception keeps its type for callers outside the checker.
/// </summary>
internal static class CallbackFault
{
    private const string Key = "Stateright.Activity";

    /// <summary>Records that <paramref name="exception"/> was thrown while <paramref name="activity"/> (appended to an inner activity, if any).</summary>
    public static void Annotate(Exception exception, string activity)
    {
        try
        {
            exception.Data[Key] = ActivityOf(exception) is { } inner ? $"{inner}, while {activity}" : activity;
        }
        catch (Exception)
        {
            // Data can be read-only (e.g. preallocated exceptions): the message is then less precise.
        }
    }

    /// <summary>The activity recorded by <see cref="Annotate"/>, if any.</summary>
    public static string? ActivityOf(Exception exception) => exception.Data[Key] as string;
}
