// docs/semantics.md "Consistency testers": a whole program.
#region semantics-tester
using Stateright.Semantics;

// Alias the closed type once per file (aliases need fully qualified names):
using History = Stateright.Semantics.LinearizabilityTester<int, Stateright.Semantics.Register<char>,
    Stateright.Semantics.RegisterOp<char>, Stateright.Semantics.RegisterRet<char>>;

var h = new History(new Register<char>('A'))
    .OnInvoke(0, new RegisterOp<char>.Write('B'))
    .OnInvokeReturn(1, new RegisterOp<char>.Read(), new RegisterRet<char>.ReadOk('A'))
    .OnReturn(0, new RegisterRet<char>.WriteOk());
var consistent = h.IsConsistent();    // true
var order = h.SerializedHistory();     // [(Read, ReadOk('A')), (Write('B'), WriteOk)]
var count = h.Count;                   // 2
#endregion
