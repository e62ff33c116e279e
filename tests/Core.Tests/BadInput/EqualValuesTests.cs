using Stateright.Tests.TestModels;

namespace Stateright.Tests.BadInput;

/// <summary>Finding 9: values that are equal have equal fingerprints; Stop() is reported as a stop.</summary>
public class EqualValuesTests
{
    [Fact]
    public void Every_NaN_payload_has_one_fingerprint()
    {
        var otherNaN = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(double.NaN) ^ 1);
        Assert.True(double.IsNaN(otherNaN));
        Assert.True(otherNaN.Equals(double.NaN));
        Assert.Equal(Fingerprint.Of(double.NaN), Fingerprint.Of(otherNaN));
        Assert.Equal(Fingerprint.Of(double.NaN), Fingerprint.Of(-double.NaN));
        var otherFloatNaN = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(float.NaN) ^ 1);
        Assert.Equal(Fingerprint.Of(float.NaN), Fingerprint.Of(otherFloatNaN));
        Assert.NotEqual(Fingerprint.Of(double.NaN), Fingerprint.Of(double.PositiveInfinity));
    }

    [Fact]
    public void Decimal_zero_has_one_fingerprint_whatever_its_sign_or_scale()
    {
        var negativeZero = -0m;
        var scaledZero = 0.000m;
        Assert.Equal(0m, negativeZero);
        Assert.Equal(Fingerprint.Of(0m), Fingerprint.Of(negativeZero));
        Assert.Equal(Fingerprint.Of(0m), Fingerprint.Of(decimal.Negate(0.00m)));
        Assert.Equal(Fingerprint.Of(0m), Fingerprint.Of(scaledZero));
        Assert.NotEqual(Fingerprint.Of(0m), Fingerprint.Of(0.001m));
    }

    [Fact]
    public void Stop_without_a_timeout_is_reported_as_stopped_not_timed_out()
    {
        var checker = new Counter(Property<long>.Always("finite", _ => true)).Checker().SpawnBfs();
        while (checker.StateCount == 0) Thread.Sleep(1);
        checker.Stop();
        checker.Join();
        Assert.Equal(CheckerStatus.Cancelled, checker.Status);
        var message = Assert.Throws<CheckerAssertionException>(checker.AssertProperties).Message;
        Assert.Contains("it was stopped (Stop() was called)", message);
        Assert.DoesNotContain("timed out", message);
    }
}
