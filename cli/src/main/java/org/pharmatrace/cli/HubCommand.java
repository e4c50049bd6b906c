package org.pharmatrace.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hub} command line: the hub's tools for EPCIS documents and partner formats. */
@Command(name = "hub", mixinStandardHelpOptions = true, version = "hub 0.1.0",
        description = "PharmaTrace hub: EPCIS documents, GS1 identifiers and partner formats.",
        subcommands = {EpcisCommand.class, MapCommand.class, CommandLine.HelpCommand.class})
public final class HubCommand {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new HubCommand());
        cli.setExecutionExceptionHandler(new ErrorReporter());
        return cli;
    }
}
