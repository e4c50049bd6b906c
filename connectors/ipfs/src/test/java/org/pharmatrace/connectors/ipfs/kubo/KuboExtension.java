package org.pharmatrace.connectors.ipfs.kubo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a real Kubo for a test class, on a free port with a fresh repo under target/, and stops it afterwards.
 * Installs Kubo first if needed (the first build takes minutes). If Kubo cannot be started, the tests fail.
 */
public final class KuboExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KuboExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (context.getStore(NAMESPACE).get("daemon") != null) {
      return; // a nested class shares its enclosing class's daemon
    }
    Path script = script();
    Path repo = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "kubo-repo-").toAbsolutePath();
    KuboDaemon daemon = new KuboDaemon(script, repo, freePort());
    daemon.install();
    daemon.start();
    context.getStore(NAMESPACE).put(KuboDaemon.class, (CloseableResource) () -> {
      daemon.stop();
      deleteRecursively(repo);
    });
    context.getStore(NAMESPACE).put("daemon", daemon);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KuboDaemon.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getStore(NAMESPACE).get("daemon", KuboDaemon.class);
  }

  private static Path script() {
    String configured = System.getProperty("kubo.script");
    Path script = configured != null ? Path.of(configured) : Path.of("../../stack/kubo.sh");
    if (!Files.isRegularFile(script)) {
      throw new IllegalStateException("stack/kubo.sh not found at " + script.toAbsolutePath()
          + " (set -Dkubo.script=...)");
    }
    return script.toAbsolutePath();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
