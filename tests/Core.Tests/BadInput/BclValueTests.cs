using System.Globalization;
using System.Net;
using Stateright.Tests.TestModels;

namespace Stateright.Tests.BadInput;

/// <summary>
/// Issue 28: BCL value types and immutable BCL classes fingerprint by what their Equals compares, not
/// by their bits or their (lazily filled) fields, so states equal by Equals are one state.
/// </summary>
public class BclValueTests
{
    [Fact]
    public void Half_zero_and_negative_zero_and_every_NaN_payload_are_one_state_each()
    {
        var otherNaN = BitConverter.UInt16BitsToHalf(0x7E01);
        Half[] values = [(Half)0, -(Half)0, Half.NaN, -Half.NaN, otherNaN, (Half)1, (Half)2];
        Assert.Equal(4, values.Distinct().Count()); // Equals: 0 = -0, and every NaN is equal to every NaN
        Assert.Equal(4, InitialValues<Half>.UniqueStates(values));
        Assert.Equal(Fingerprint.Of((Half)0), Fingerprint.Of(-(Half)0));
        Assert.Equal(Fingerprint.Of(Half.NaN), Fingerprint.Of(otherNaN));
        Assert.NotEqual(Fingerprint.Of((Half)1), Fingerprint.Of((Half)2));
        // Values that were already told apart by their bits keep their fingerprints.
        Assert.Equal(FingerprintMath.Mix(BitConverter.HalfToUInt16Bits((Half)1)), Fingerprint.Of((Half)1));
    }

    [Fact]
    public void DateTimes_that_differ_only_in_Kind_are_one_state()
    {
        var ticks = new DateTime(2024, 2, 29, 12, 0, 0).Ticks;
        DateTime[] values = [new(ticks, DateTimeKind.Unspecified), new(ticks, DateTimeKind.Utc), new(ticks, DateTimeKind.Local), new(ticks + 1, DateTimeKind.Utc)];
        Assert.Equal(2, values.Distinct().Count()); // DateTime.Equals compares ticks only
        Assert.Equal(2, InitialValues<DateTime>.UniqueStates(values));
        Assert.Equal(Fingerprint.Of(values[0]), Fingerprint.Of(values[1]));
        Assert.Equal(Fingerprint.Of(new[] { values[1] }), Fingerprint.Of(new[] { values[2] }));
    }

    [Fact]
    public void DateTimeOffsets_for_one_instant_at_different_offsets_are_one_state()
    {
        var instant = new DateTimeOffset(2024, 2, 29, 12, 0, 0, TimeSpan.Zero);
        DateTimeOffset[] values = [instant, instant.ToOffset(TimeSpan.FromHours(2)), instant.ToOffset(TimeSpan.FromHours(-5)), instant.AddTicks(1)];
        Assert.Equal(2, values.Distinct().Count()); // DateTimeOffset.Equals compares the UTC instant
        Assert.Equal(2, InitialValues<DateTimeOffset>.UniqueStates(values));
        Assert.Equal(Fingerprint.Of(values[0]), Fingerprint.Of(values[1]));
    }

    [Fact]
    public void Uris_fingerprint_by_what_Equals_compares()
    {
        Uri[] values =
        [
            new("http://example.org/a?q=1"),
            new("http://example.org/a?q=1#top"), // Equals ignores the fragment...
            new("http://user:secret@example.org/a?q=1"), // ...and the user info
            new("HTTP://EXAMPLE.ORG:80/a?q=1"), // the scheme and host are case-insensitive; 80 is http's port
            new("http://example.org/b?q=1"),
            new("http://example.org:8080/a?q=1"),
            new("http://example.org/a?q=2"),
            new("/a?q=1", UriKind.Relative), // a relative URI is not an absolute one
            new("/a?q=1", UriKind.Relative),
            new("/A?q=1", UriKind.Relative),
        ];
        Assert.Equal(6, values.Distinct().Count());
        Assert.Equal(6, InitialValues<Uri>.UniqueStates(values));
        foreach (var a in values)
            foreach (var b in values)
                Assert.Equal(a.Equals(b), Fingerprint.Of(a) == Fingerprint.Of(b));
    }

    [Fact]
    public void A_Uri_keeps_its_fingerprint_when_its_parts_are_read()
    {
        var uri = new Uri("http://example.org/a/b?q=1#f");
        var before = Fingerprint.Of(new Holder<Uri>(uri));
        _ = (uri.Host, uri.AbsolutePath, uri.Query, uri.Fragment, uri.Segments, uri.AbsoluteUri, uri.ToString(), uri.GetHashCode());
        Assert.Equal(before, Fingerprint.Of(new Holder<Uri>(uri)));
        Assert.Equal(before, Fingerprint.Of(new Holder<Uri>(new Uri("http://example.org/a/b?q=1#f"))));
    }

    [Fact]
    public void An_IPAddress_keeps_its_fingerprint_when_it_is_formatted_and_fingerprints_by_Equals()
    {
        var address = IPAddress.Parse("10.0.0.1");
        var before = Fingerprint.Of(address);
        _ = (address.ToString(), address.GetHashCode()); // fill its string and hash caches
        Assert.Equal(before, Fingerprint.Of(address));
        Assert.Equal(before, Fingerprint.Of(new IPAddress([10, 0, 0, 1])));
        Assert.NotEqual(before, Fingerprint.Of(IPAddress.Parse("10.0.0.2")));
        Assert.NotEqual(before, Fingerprint.Of(address.MapToIPv6()));
        var scoped = IPAddress.Parse("fe80::1%2");
        Assert.NotEqual(Fingerprint.Of(scoped), Fingerprint.Of(IPAddress.Parse("fe80::1%3"))); // Equals compares the scope id
        Assert.Equal(Fingerprint.Of(scoped), Fingerprint.Of(IPAddress.Parse("fe80::1%2")));
    }

    [Fact]
    public void An_IPEndPoint_fingerprints_by_Equals()
    {
        var endpoint = new IPEndPoint(IPAddress.Parse("10.0.0.1"), 3000);
        var before = Fingerprint.Of(endpoint);
        _ = (endpoint.ToString(), endpoint.Address.ToString(), endpoint.GetHashCode());
        Assert.Equal(before, Fingerprint.Of(endpoint));
        Assert.Equal(before, Fingerprint.Of(new IPEndPoint(new IPAddress([10, 0, 0, 1]), 3000)));
        Assert.NotEqual(before, Fingerprint.Of(new IPEndPoint(IPAddress.Parse("10.0.0.1"), 3001)));
    }

    [Fact]
    public void A_CultureInfo_fingerprints_by_its_name()
    {
        var cached = CultureInfo.GetCultureInfo("en-US"); // read-only, shared
        var fresh = new CultureInfo("en-US"); // writable, with caches of its own
        Assert.Equal(cached, fresh);
        _ = (fresh.NumberFormat, fresh.DateTimeFormat, fresh.TextInfo, fresh.CompareInfo, fresh.Parent);
        Assert.Equal(Fingerprint.Of(cached), Fingerprint.Of(fresh));
        Assert.NotEqual(Fingerprint.Of(cached), Fingerprint.Of(CultureInfo.GetCultureInfo("fr-FR")));
    }
}
