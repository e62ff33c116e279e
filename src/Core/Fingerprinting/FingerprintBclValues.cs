using System.Globalization;
using System.Net;
using System.Net.Sockets;
using static Stateright.FingerprintMath;

namespace Stateright;

/// <summary>
/// Fingerprints of immutable BCL classes, defined by what their <c>Equals</c> compares. Their fields
/// would be the wrong thing to walk: they fill caches lazily (a <see cref="Uri"/>'s parsed parts, an
/// <see cref="IPAddress"/>'s text), so reading a property would change the fingerprint (and fault the
/// run as a state "changed in place"), and they hold parts that Equals ignores.
/// </summary>
internal static class FingerprintBclValues
{
    private const ulong AbsoluteUriKind = 0x5552_4941_4253_0001UL;
    private const ulong RelativeUriKind = 0x5552_4952_454C_0002UL;
    private const ulong AddressKind = 0x4950_4144_4452_0003UL;
    private const ulong EndpointKind = 0x4950_454E_4450_0004UL;
    private const ulong CultureKind = 0x4355_4C54_5552_0005UL;

    /// <summary>
    /// A URI as <see cref="Uri.Equals(object?)"/> compares it: a relative one by its original text; an
    /// absolute one by scheme, host, port (a scheme's default port left out), path and query, unescaped
    /// where that is safe — without the user info and the fragment, which Equals ignores — and
    /// case-insensitively for a UNC or DOS file path. A URI cannot change, so its fingerprint is
    /// remembered by identity: it is computed (which allocates the text) once per object.
    /// </summary>
    public static ulong OfUri(Uri? uri)
    {
        if (uri is null) return Fingerprint.Null;
        return IdentityMemo.TryGet(uri, out var known) ? known : IdentityMemo.Remember(uri, Compute(uri));

        static ulong Compute(Uri uri)
        {
            if (!uri.IsAbsoluteUri) return Combine(RelativeUriKind, OfString(uri.OriginalString));
            var text = uri.GetComponents(UriComponents.HttpRequestUrl, UriFormat.SafeUnescaped);
            return Combine(AbsoluteUriKind, IsUncOrDosPath(uri) ? KeyComparers.OfStringIgnoringCase(text) : OfString(text));
        }
    }

    private static bool IsUncOrDosPath(Uri uri) =>
        uri.IsUnc || (uri.IsFile && uri.LocalPath is [_, ':', ..] path && char.IsAsciiLetter(path[0]));

    /// <summary>An IP address as <see cref="IPAddress.Equals(object?)"/> compares it: family, bytes and (IPv6) scope id. Allocates nothing.</summary>
    public static ulong OfIPAddress(IPAddress? address)
    {
        if (address is null) return Fingerprint.Null;
        Span<byte> bytes = stackalloc byte[16];
        bytes.Clear();
        address.TryWriteBytes(bytes, out var written);
        var h = Seed(AddressKind, written);
        h = Combine(h, BitConverter.ToUInt64(bytes[..8]));
        h = Combine(h, BitConverter.ToUInt64(bytes[8..]));
        return address.AddressFamily == AddressFamily.InterNetworkV6 ? Combine(h, (ulong)address.ScopeId) : h;
    }

    /// <summary>An endpoint as <see cref="IPEndPoint.Equals(object?)"/> compares it: address and port.</summary>
    public static ulong OfIPEndPoint(IPEndPoint? endpoint) =>
        endpoint is null ? Fingerprint.Null : Combine(Combine(EndpointKind, OfIPAddress(endpoint.Address)), (ulong)endpoint.Port);

    /// <summary>A culture as <see cref="CultureInfo.Equals(object?)"/> compares it: by its name (its compare info is the name's).</summary>
    public static ulong OfCulture(CultureInfo? culture) =>
        culture is null ? Fingerprint.Null : Combine(CultureKind, OfString(culture.Name));
}
