using System.Collections;
using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Stateright.Tests.TestModels;

namespace Stateright.Tests.BadInput;

/// <summary>
/// Issue 28: BCL types whose fields hold more than their value (spare capacity, a version counter,
/// the history of operations, caches) are rejected when the checker starts, naming the member, why,
/// and what to hold instead — rather than giving wrong state counts.
/// </summary>
public class MutableBclTypeTests
{
    public sealed record WithBuilder(int Step, StringBuilder Text);
    public sealed record WithBits(BitArray Flags);
    public sealed record WithQueue(PriorityQueue<string, int> Pending);
    public sealed record WithArrayList(ArrayList Items);
    public sealed record WithRegex(Regex Pattern);
    public sealed record WithEncoding(Encoding Encoding);
    public sealed record Nested(ImmutableList<WithBuilder> Items);

    [Theory]
    [InlineData(typeof(WithBuilder), "WithBuilder.Text", typeof(StringBuilder), "string")]
    [InlineData(typeof(WithBits), "WithBits.Flags", typeof(BitArray), "ImmutableArray<bool>")]
    [InlineData(typeof(WithQueue), "WithQueue.Pending", typeof(PriorityQueue<string, int>), "ImmutableSortedSet")]
    [InlineData(typeof(WithArrayList), "WithArrayList.Items", typeof(ArrayList), "ImmutableList<T>")]
    [InlineData(typeof(WithRegex), "WithRegex.Pattern", typeof(Regex), "pattern string")]
    [InlineData(typeof(WithEncoding), "WithEncoding.Encoding", typeof(Encoding), "WebName")]
    [InlineData(typeof(Nested), "Nested.Items[].Text", typeof(StringBuilder), "string")]
    public void Is_rejected_at_start_naming_the_member_the_reason_and_the_alternative(Type state, string path, Type offending, string alternative)
    {
        var e = Assert.Throws<UnfingerprintableTypeException>(() => FingerprintCompiler.Validate(state));
        Assert.Equal(offending, e.OffendingType);
        Assert.EndsWith("+" + path, e.MemberPath);
        Assert.Contains(path, e.Message);
        Assert.Contains(offending.ToString(), e.Message);
        Assert.Contains("mutable", e.Message);
        Assert.Contains(alternative, e.Message);
    }

    [Fact]
    public void Capacity_no_longer_splits_one_state_into_two_the_checker_refuses_to_start()
    {
        var roomy = new StringBuilder(256).Append("ab");
        var tight = new StringBuilder("ab");
        Assert.Equal(roomy.ToString(), tight.ToString());
        var checker = new InitialValues<StringBuilder>([roomy, tight]).Checker();
        var e = Assert.Throws<UnfingerprintableTypeException>(() => checker.SpawnBfs());
        Assert.Contains("Holder.Value", e.Message);
        Assert.Contains("StringBuilder", e.Message);
    }
}
