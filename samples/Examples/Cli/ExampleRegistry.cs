namespace Stateright.Examples.Cli;

/// <summary>Every example, and the top-level usage text.</summary>
public static class ExampleRegistry
{
    /// <summary>The examples, in the order the usage lists them.</summary>
    public static IReadOnlyList<Example> All { get; } =
    [
        new TwoPhaseCommitExample(),
        new IncrementExample(),
        new IncrementLockExample(),
        new SingleCopyRegisterExample(),
        new PaxosExample(),
        new LinearizableRegisterExample(),
        new TimersExample(),
        new LwwRegisterExample(),
        new InteractionExample(),
        new RaftExample(),
    ];

    /// <summary>Runs the program: returns the exit code (0 success, 1 model failure, 2 usage error).</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintUsage(args.Count == 0 ? error : output);
            return args.Count == 0 ? 2 : 0;
        }
        var example = All.FirstOrDefault(e => e.Name == args[0]);
        if (example is null)
        {
            error.WriteLine($"Unknown example '{args[0]}'.");
            PrintUsage(error);
            return 2;
        }
        if (args.Count > 1 && args[1] is "-h" or "--help")
        {
            PrintUsage(output, example);
            return 0;
        }
        var command = CommandLine.Parse(args, out var problem);
        if (command is null)
        {
            error.WriteLine(problem);
            PrintUsage(error, example);
            return 2;
        }
        try
        {
            foreach (var unsupported in command.Switches.Where(s => !example.Switches.Contains(s)))
                throw new UsageException($"{example.Name} does not take {unsupported}.");
            return example.Run(command, output);
        }
        catch (UsageException e)
        {
            error.WriteLine(e.Message);
            PrintUsage(error, example);
            return 2;
        }
    }

    private static void PrintUsage(TextWriter writer, Example? only = null)
    {
        writer.WriteLine("Usage: dotnet run -c Release --project samples/Examples -- <example> <mode> [arguments] [--threads T] [--seed S] [--timeout SECONDS] [--port P] [--silos N]");
        writer.WriteLine();
        foreach (var example in only is null ? All : [only])
        {
            writer.WriteLine($"  {example.Name,-24} {example.Summary}");
            foreach (var line in example.Usage) writer.WriteLine($"      {example.Name} {line}");
            writer.WriteLine($"      {example.Name} {ExploreMode.Usage}");
        }
        writer.WriteLine();
        writer.WriteLine("Options: --threads defaults to all cores; --seed (simulation) to 0; no timeout by default; --port (explore) to 3000; --silos (distributed) to 3.");
    }
}
