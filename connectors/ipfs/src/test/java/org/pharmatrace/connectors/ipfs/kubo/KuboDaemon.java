package org.pharmatrace.connectors.ipfs.kubo;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Kubo daemon run through the project's own script ({@code stack/kubo.sh}), with its own repo and API port,
 * so a test can talk to it, stop it and start it again.
 */
public final class KuboDaemon {

  private static final long SCRIPT_TIMEOUT_MINUTES = 30;

  private final Path script;
  private final Path repo;
  private final int apiPort;

  KuboDaemon(Path script, Path repo, int apiPort) {
    this.script = script;
    this.repo = repo;
    this.apiPort = apiPort;
  }

  public URI api() {
    return URI.create("http://127.0.0.1:" + apiPort);
  }

  public Path repo() {
    return repo;
  }

  public void start() {
    run("start");
  }

  public void stop() {
    run("stop");
  }

  void install() {
    run("install");
  }

  /** Runs the script; a failure is an error the test reports, never a reason to skip. */
  private void run(String command) {
    ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), command).redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    environment.put("IPFS_PATH", repo.toString());
    environment.put("KUBO_API_PORT", String.valueOf(apiPort));
    environment.put("KUBO_GATEWAY_PORT", "0");
    try {
      Process process = builder.start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(SCRIPT_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("stack/kubo.sh " + command + " did not finish");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("stack/kubo.sh " + command + " failed (exit " + process.exitValue()
            + ", IPFS_PATH=" + repo + ", API port " + apiPort + "):\n" + new String(output, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + script + " " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running stack/kubo.sh " + command, e);
    }
  }
}
