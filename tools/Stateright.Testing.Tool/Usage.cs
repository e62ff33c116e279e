namespace Stateright.Testing.Tool;

/// <summary>The help texts of the tool and of each command.</summary>
internal static class Usage
{
    /// <summary>The overview: every command in one line each.</summary>
    public const string Overview =
        """
        Usage: stateright <command> [options] [DIRECTORY=.]

        Trace snapshots of Stateright.Testing model tests are <Class>.<Method>.<property>.verified.txt files
        beside the test's source file; a failing run writes a .received.txt beside them. Commands search
        DIRECTORY recursively (skipping bin, obj, .git, .vs, .idea, node_modules, TestResults); accept,
        reject and list also take the path of one .received.txt file instead, as a failing test prints it.

        Commands:
          accept     move received snapshots over the verified ones
          reject     delete received snapshots
          list       show received snapshots with a diff against the verified ones
          dangling   find verified snapshots that no test produces any more
          explore    open a model test's counterexample (or its model) in the Explorer, a page in the browser

        Options of accept, reject and list (all optional; a snapshot must match each one given):
          --class CLASS        the test class (nested classes as Outer.Inner; Ns.Class when its name is shared in the folder)
          --method METHOD      the model method
          --property PROPERTY  the property

        accept refuses an unexpected counterexample (no [ExpectDiscovery] on its method) unless given
        --include-unexpected; list marks them.

        Files that are symbolic links are never read or written through: such an entry, and a verified
        path that is a directory, is refused by name and the rest goes on.

        Run `stateright <command> --help` for a command's details. Exit codes: 0 done, 1 an entry was
        refused or failed, 2 bad usage.
        """;

    /// <summary>The help of one command.</summary>
    public static string For(string command) => command switch
    {
        "accept" =>
            """
            Usage: stateright accept [--class CLASS] [--method METHOD] [--property PROPERTY] [--include-unexpected] [DIRECTORY=. | FILE.received.txt]

            Makes each received snapshot the verified one: its text is written to a temporary file that is then
            renamed over <name>.verified.txt, and <name>.received.txt is deleted. Prints every file written.

            An unexpected counterexample (a violated property whose method has no [ExpectDiscovery("property")];
            the test run marks its received file with <name>.received.unexpected) is refused by name, as
            STATERIGHT_ACCEPT_SNAPSHOTS refuses it: pinning it would not make its test pass. Add the attribute to
            the method, then accept it with
              --include-unexpected  accept unexpected counterexamples too
            The rest of the batch is accepted; the exit code is 1 when something was refused.
            """,
        "reject" =>
            """
            Usage: stateright reject [--class CLASS] [--method METHOD] [--property PROPERTY] [DIRECTORY=. | FILE.received.txt]

            Deletes each received snapshot (and its unexpected-counterexample marker, if any); the verified ones
            stay as they are. Prints every file deleted.
            """,
        "list" =>
            """
            Usage: stateright list [--class CLASS] [--method METHOD] [--property PROPERTY] [DIRECTORY=. | FILE.received.txt]

            Prints each received snapshot with a unified diff from its verified file, or its whole text if no
            verified file exists yet, and marks each unexpected counterexample (which accept refuses without
            --include-unexpected). Changes nothing.
            """,
        "dangling" =>
            """
            Usage: stateright dangling --assembly PATH [--assembly PATH ...] [--used LIST ...] [DIRECTORY=.]

            Prints each verified snapshot under DIRECTORY that no test produces any more. Changes nothing.
              --assembly PATH  a built test assembly (the .dll); a snapshot whose <Class>.<Method> is no method
                               of a class in any of them is dangling. Read as metadata: nothing is run.
                               Give every test assembly whose snapshots live under DIRECTORY.
              --used LIST      a file listing the verified snapshots a complete test run used, one path per
                               line; a snapshot not listed is dangling.
            With --assembly only, whole methods are checked: a snapshot of a property that its model no longer
            has is reported by the test run itself.
            """,
        "explore" =>
            """
            Usage: stateright explore SNAPSHOT --assembly PATH [--port P=0] [--threads T]
                   stateright explore CLASS.METHOD --assembly PATH [--path INDEX-PATH] [--port P=0] [--threads T]

            Serves a model test's model in the Explorer (a web page on 127.0.0.1: step through states, with
            each property's value and, for actor models, the sequence diagram) until Ctrl+C. A failing model
            test's message ends with this command line.
              SNAPSHOT         a <Class>.<Method>.<property>.verified.txt or .received.txt file: the page opens
                               at its trace's last state (its "Index path:" line; a lasso with its cycle)
              CLASS.METHOD     a model test method (the class as snapshots name it, or with its namespace)
              --assembly PATH  the built test assembly (the .dll) holding the method; it is loaded and the
                               method is called to build the model, as the test would
              --path P         with CLASS.METHOD: open the state at this index path (e.g. 0/1/2)
              --port P         the port on 127.0.0.1 (default 0: any free one; the address is printed)
              --threads T      the background checker's threads (default: the processor count)
            The test assembly's Stateright.Testing assemblies are the tool's own: build the tests against the
            tool's version.
            """,
        _ => Overview,
    };
}
