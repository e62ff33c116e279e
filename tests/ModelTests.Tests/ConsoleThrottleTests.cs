using Stateright.Testing;

namespace Stateright.Tests.Testing;

public sealed class ConsoleThrottleTests
{
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(5);

    [Fact]
    public void Periodic_lines_pass_once_per_interval_and_other_lines_always()
    {
        var throttle = new ConsoleThrottle(s_interval);
        bool At(double seconds, bool periodic = true) => throttle.Admit(periodic, TimeSpan.FromSeconds(seconds));
        Assert.True(At(0, periodic: false)); // the header
        Assert.Equal([false, false, false, false, true, false, false, false, false, true],
            Enumerable.Range(1, 10).Select(s => At(s)).ToArray()); // ticks every second: out at 5 and 10
        Assert.True(At(10.5, periodic: false)); // the final line, however soon after
        Assert.False(At(14)); // the interval counts from the last line out
        Assert.True(At(15.5));
    }

    [Fact]
    public void The_first_periodic_line_passes_when_nothing_went_out_before()
    {
        var throttle = new ConsoleThrottle(s_interval);
        Assert.True(throttle.Admit(periodic: true, TimeSpan.FromSeconds(1)));
        Assert.False(throttle.Admit(periodic: true, TimeSpan.FromSeconds(2)));
    }
}
