using Stateright.Testing;

namespace Stateright.Tests.Testing;

public sealed class ConsoleThrottleTests
{
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(5);

    [Fact]
    public void A_long_run_shows_its_header_with_the_first_periodic_line_then_one_line_per_interval_and_the_final_line()
    {
        var throttle = new ConsoleThrottle(s_interval);
        IReadOnlyList<string> At(double seconds, string line, bool periodic = true) => throttle.Admit(line, periodic, TimeSpan.FromSeconds(seconds));
        Assert.Empty(At(0, "header", periodic: false)); // held: the run may be short
        var ticks = Enumerable.Range(1, 10).Select(s => At(s, $"tick {s}")).ToArray(); // a tick every second
        Assert.Equal(["header", "tick 5"], ticks[4]);
        Assert.Equal(["tick 10"], ticks[9]);
        Assert.Equal(8, ticks.Count(t => t.Count == 0));
        Assert.Equal(["done"], At(10.5, "done", periodic: false)); // the final line, however soon after
        Assert.Empty(At(14, "tick 14")); // the interval counts from the last line out
        Assert.Equal(["tick 15"], At(15.5, "tick 15"));
    }

    [Fact]
    public void A_run_shorter_than_the_interval_shows_nothing()
    {
        var throttle = new ConsoleThrottle(s_interval);
        var lines = new[] { (0.0, "header", false), (1.0, "tick 1", true), (2.0, "tick 2", true), (4.9, "done", false) };
        Assert.All(lines, l => Assert.Empty(throttle.Admit(l.Item2, l.Item3, TimeSpan.FromSeconds(l.Item1))));
    }
}
