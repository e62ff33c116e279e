// The `stateright` command: accept, reject, list and find dangling trace snapshots.
//   stateright --help
return Stateright.Testing.Tool.StaterightTool.Run(args, Console.Out, Console.Error);
