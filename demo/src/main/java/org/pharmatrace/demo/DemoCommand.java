package org.pharmatrace.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hub-demo}: the local stack's demo partners (bin/hub-demo runs {@code run}; bin/hub-stack the others). */
@Command(name = "hub-demo", mixinStandardHelpOptions = true,
        description = "The demo partners of the PharmaTrace hub's local stack.",
        subcommands = {DemoCommand.Run.class, DemoCommand.Init.class, DemoCommand.SftpServer.class})
public final class DemoCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        CommandLine.usage(this, System.err);
        return 2;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new DemoCommand()).execute(args));
    }

    @Command(name = "init", description = "Create the demo partners' keys and certificates in DIR (kept when there)"
            + " and the SFTP known_hosts for the port.")
    static final class Init implements Callable<Integer> {
        @Option(names = "--dir", required = true) Path dir;
        @Option(names = "--sftp-port", required = true) int sftpPort;

        @Override
        public Integer call() throws Exception {
            new DemoKeys(dir).init(sftpPort);
            return 0;
        }
    }

    @Command(name = "sftp-server", description = "Run the contract manufacturer's SFTP server (until stopped).")
    static final class SftpServer implements Callable<Integer> {
        @Option(names = "--dir", required = true) Path dir;
        @Option(names = "--port", required = true) int port;

        @Override
        public Integer call() throws Exception {
            PartnerSftpServer.serve(dir, port);
            return 0;
        }
    }

    @Command(name = "run", description = "Send one serial through every channel of the running stack and show its"
            + " trace as the regulator sees it.")
    static final class Run implements Callable<Integer> {
        @Option(names = "--hub", required = true, description = "the hub's HTTP address") String hubUrl;
        @Option(names = "--as2", required = true, description = "the hub's AS2 address") String as2Url;
        @Option(names = "--hub-as2-id", defaultValue = "PHARMATRACE-HUB") String hubAs2Id;
        @Option(names = "--distributor-as2-id", defaultValue = "DEMO-DISTRIBUTOR") String distributorAs2Id;
        @Option(names = "--mllp", required = true, description = "host:port of the hub's MLLP listener") String mllp;
        @Option(names = "--sftp-port", required = true, description = "the partner SFTP server's port") int sftpPort;
        @Option(names = "--keys", required = true, description = "the stack's demo keys (bin/hub-stack init)") Path keys;
        @Option(names = "--corpus", required = true) Path corpus;
        @Option(names = "--out", required = true, description = "where the exports and documents go") Path out;
        @Option(names = "--login", required = true, description = "user:password, one per demo login")
        List<String> logins;
        @Option(names = "--commit-timeout", defaultValue = "PT3M") Duration commitTimeout;
        @Option(names = "--index-timeout", defaultValue = "PT2M") Duration indexTimeout;

        @Override
        public Integer call() throws Exception {
            Map<String, String> passwords = new LinkedHashMap<>();
            for (String login : logins) {
                int colon = login.indexOf(':');
                if (colon < 1) {
                    throw new CommandLine.ParameterException(new CommandLine(this), "--login " + login
                            + ": expected user:password");
                }
                passwords.put(login.substring(0, colon), login.substring(colon + 1));
            }
            String[] hostPort = mllp.split(":");
            DemoFlow flow = new DemoFlow(new DemoFlow.Settings(hubUrl, as2Url, hubAs2Id, distributorAs2Id, hostPort[0],
                    Integer.parseInt(hostPort[1]), sftpPort, keys, corpus, out, passwords, commitTimeout, indexTimeout),
                    System.out, Instant.now());
            try {
                flow.run();
                return 0;
            } catch (DemoFailure failure) {
                System.out.flush();
                System.err.println();
                System.err.println("hub-demo: " + failure.step() + " FAILED: " + failure.getMessage());
                if (failure.answer() != null && !failure.answer().isBlank()) {
                    System.err.println("the hub answered:");
                    failure.answer().lines().forEach(line -> System.err.println("  " + line));
                }
                return 1;
            } catch (java.io.IOException e) {
                System.out.flush();
                System.err.println();
                System.err.println("hub-demo: " + DemoFailure.describe(e));
                return 3;
            }
        }
    }
}
