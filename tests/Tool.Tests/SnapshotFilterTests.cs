namespace Stateright.Testing.Tool.Tests;

public class SnapshotFilterTests
{
    [Fact]
    public void A_name_is_read_every_way_the_class_and_property_may_hold_dots()
    {
        Assert.Equal(
            [("Outer", "Inner", "Run.p.q"), ("Outer.Inner", "Run", "p.q"), ("Outer.Inner.Run", "p", "q")],
            SnapshotFilter.Readings("Outer.Inner.Run.p.q"));
        Assert.Empty(SnapshotFilter.Readings("NoMethod"));
        Assert.Empty(SnapshotFilter.Readings("Class.method"));
    }

    [Fact]
    public void Every_filter_given_must_hold_in_one_reading()
    {
        var filter = new SnapshotFilter("Outer.Inner", "Run", null);

        Assert.True(filter.Matches("Outer.Inner.Run.p"));
        Assert.False(filter.Matches("Outer.Inner.Walk.p"));
        Assert.False(filter.Matches("Outer.Run.p"));
        Assert.True(SnapshotFilter.All.Matches("anything"));
    }

    [Fact]
    public void Filters_are_compared_after_the_file_name_replacement()
    {
        Assert.True(new SnapshotFilter(null, null, "x:y").Matches("C.M.x-y"));
        Assert.False(new SnapshotFilter(null, null, "x:y").Matches("C.M.x:z"));
    }

    [Fact]
    public void Scope_describes_the_filter_for_messages()
    {
        Assert.Equal("", SnapshotFilter.All.Scope);
        Assert.Equal(" for --class C --property p", new SnapshotFilter("C", null, "p").Scope);
    }
}
