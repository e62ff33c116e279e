// Accepts trace snapshots: moves *.received.txt over *.verified.txt.
//   dotnet run --project tools/AcceptSnapshots -- [DIRECTORY=.] [--filter TEXT]
using Stateright.Snapshots;

string directory = ".";
string? filter = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--filter" when i + 1 < args.Length: filter = args[++i]; break;
        case "-h" or "--help":
            Console.WriteLine("Usage: dotnet run --project tools/AcceptSnapshots -- [DIRECTORY=.] [--filter TEXT]\nMoves every *.received.txt under DIRECTORY (whose name contains TEXT) over its *.verified.txt.");
            return 0;
        default:
            if (args[i].StartsWith("--", StringComparison.Ordinal)) { Console.Error.WriteLine($"Unknown option '{args[i]}'. Try --help."); return 2; }
            directory = args[i];
            break;
    }
}
if (!Directory.Exists(directory))
{
    Console.Error.WriteLine($"No such directory: {directory}");
    return 2;
}
var accepted = SnapshotFiles.Accept(directory, filter);
foreach (var file in accepted) Console.WriteLine($"accepted {Path.GetRelativePath(directory, file)}");
Console.WriteLine(accepted.Count == 0 ? "Nothing to accept." : $"{accepted.Count} snapshot(s) accepted.");
return 0;
