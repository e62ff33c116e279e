namespace Stateright;

/// <summary>Texts of errors raised in more than one place.</summary>
internal static class ErrorMessages
{
    public static string UnknownProperty(string name, IEnumerable<string> available) =>
        $"The model has no property named \"{name}\". Available properties: {string.Join(", ", available.Select(n => $"\"{n}\""))}.";
}
