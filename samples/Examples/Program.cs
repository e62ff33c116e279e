// The examples' command line: `<example> <mode> [arguments] [options]`; see Cli/ExampleRegistry.cs.
return Stateright.Examples.Cli.ExampleRegistry.Run(args, Console.Out, Console.Error);
