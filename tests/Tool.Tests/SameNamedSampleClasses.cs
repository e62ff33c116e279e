// Two test classes of one name (read as metadata only, never run): when they share a folder, their
// snapshots are named with the namespace, e.g. Stateright.Testing.Tool.Tests.NsD.Same2.M.p1.verified.txt.

#pragma warning disable CA1812 // read as metadata only

namespace Stateright.Testing.Tool.Tests.NsD
{
    internal static class Same2
    {
        public static object M() => new();
    }
}

namespace Stateright.Testing.Tool.Tests.NsE
{
    internal static class Same2
    {
        public static object M() => new();
    }
}
