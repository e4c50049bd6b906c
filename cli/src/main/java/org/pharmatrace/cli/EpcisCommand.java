package org.pharmatrace.cli;

import picocli.CommandLine.Command;

/** {@code hub epcis ...}: work on EPCIS documents in any supported syntax (detected from the content). */
@Command(name = "epcis", mixinStandardHelpOptions = true,
        description = "Hash, convert and validate EPCIS documents (EPCIS 2.0 XML, 2.0 JSON-LD, 1.2 XML).",
        subcommands = {HashCommand.class, ConvertCommand.class, ValidateCommand.class})
final class EpcisCommand {
}
