package org.pharmatrace.hub;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real Kubo for the IPFS test, run by the project's own {@code stack/kubo.sh} on a free port with a fresh repo
 * under target/. If it cannot be installed or started, the test fails.
 */
final class KuboDaemon {

    private final Path script;
    private final Path repo;
    private final int port;

    private KuboDaemon(Path script, Path repo, int port) {
        this.script = script;
        this.repo = repo;
        this.port = port;
    }

    static KuboDaemon start() {
        try {
            String configured = System.getProperty("kubo.script", "../stack/kubo.sh");
            Path script = Path.of(configured).toAbsolutePath();
            if (!Files.isRegularFile(script)) {
                throw new IllegalStateException("stack/kubo.sh not found at " + script + " (-Dkubo.script=...)");
            }
            Path repo = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "kubo-").toAbsolutePath();
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            KuboDaemon daemon = new KuboDaemon(script, repo, port);
            daemon.run("install");
            daemon.run("start");
            return daemon;
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare Kubo", e);
        }
    }

    String api() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops the daemon and keeps its repo, as when Kubo goes down under a running hub. */
    void pause() {
        run("stop");
    }

    /** Starts the paused daemon again on the same port and repo; returns once its API answers. */
    void resume() {
        run("start");
    }

    /** Stops the daemon and removes its repo. */
    void stop() {
        run("stop");
        try (var paths = Files.walk(repo)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("cannot remove " + repo, e);
        }
    }

    private void run(String command) {
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), command).redirectErrorStream(true);
        builder.environment().put("IPFS_PATH", repo.toString());
        builder.environment().put("KUBO_API_PORT", String.valueOf(port));
        builder.environment().put("KUBO_GATEWAY_PORT", "0");
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("stack/kubo.sh " + command + " failed:\n"
                        + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run stack/kubo.sh " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
