using Stateright.Actors;

namespace Stateright.Tests.Actors;

/// <summary>Actor states in traces read as values: characters and strings quoted and escaped, never raw control characters.</summary>
public class StateTextTests
{
    private sealed class CharActor : Actor<char, char>
    {
        public override char OnStart(Id id, Out<char> o) => '\0';

        public override void OnMsg(Id id, ref Cow<char> state, Id src, char msg, Out<char> o) => state.Value = msg;
    }

    [Fact]
    public void A_char_state_is_quoted_and_a_nul_escaped()
    {
        var model = new ActorModel<char, Unit>(Unit.Value)
            .Actor(new CharActor())
            .InitNetwork(Network<char>.UnorderedNonDuplicating(new Envelope<char>(0, 0, 'A')));
        var init = model.InitStates().Single();
        Assert.StartsWith(@"Id(0): '\0'", init.Describe(), StringComparison.Ordinal);
        Assert.DoesNotContain('\0', init.Describe());
        var step = model.FormatStep(init, new ActorModelAction<char>.Deliver(0, 0, 'A'));
        Assert.Contains(@"state: '\0' ⇒ 'A'", step, StringComparison.Ordinal);
    }
}
