namespace Stateright;

/// <summary>
/// Leaves a field out of the structural fingerprint, for example a cache derived from other fields.
/// On an auto-property write <c>[field: FingerprintIgnore]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class FingerprintIgnoreAttribute : Attribute;
