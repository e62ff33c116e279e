using Stateright.Semantics;
using Lin = Stateright.Semantics.LinearizabilityTester<int, Stateright.Semantics.Register<char>, Stateright.Semantics.RegisterOp<char>, Stateright.Semantics.RegisterRet<char>>;
using Op = Stateright.Semantics.RegisterOp<char>;
using Ret = Stateright.Semantics.RegisterRet<char>;

namespace Stateright.Tests.Semantics;

public class LinearizabilityTesterTests
{
    [Fact]
    public void Identifies_linearizable_register_history()
    {
        var tester = new Lin(new Register<char>('A'))
            .OnInvoke(0, new Op.Write('B'))
            .OnInvokeReturn(1, new Op.Read(), new Ret.ReadOk('A'));
        Assert.Equal([(new Op.Read(), new Ret.ReadOk('A'))], tester.SerializedHistory()!);
    }
}
