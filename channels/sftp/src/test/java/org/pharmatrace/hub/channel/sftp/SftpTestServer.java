package org.pharmatrace.hub.channel.sftp;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server for the tests: Apache MINA SSHD on 127.0.0.1 (a free port), a virtual file system rooted in a
 * temporary directory, a generated EC host key, public-key authentication of one user with a generated key and
 * nothing else. Writes the hub's private key and two known_hosts files: one with the server's real host key, one
 * with another key for the same host and port (a server that is not who it claims to be). If it cannot start, the
 * tests fail.
 */
final class SftpTestServer {

    static final String USER = "hub";

    private static SftpTestServer running;

    final Path root;
    final Path clientKey;
    final Path knownHosts;
    final Path wrongKnownHosts;
    final int port;
    private final SshServer server;

    private final Path dir;

    private SftpTestServer(Path dir) throws IOException, GeneralSecurityException {
        this.dir = dir;
        root = Files.createDirectories(dir.resolve("root"));
        KeyPair hostKey = ecKeyPair();
        KeyPair client = ecKeyPair();
        PublicKey clientPublic = client.getPublic();

        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setPublickeyAuthenticator((user, key, session) -> USER.equals(user)
                && KeyUtils.compareKeys(clientPublic, key));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        server.start();
        port = server.getPort();

        clientKey = dir.resolve("hub_ecdsa");
        try (OutputStream out = Files.newOutputStream(clientKey)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(client, "hub@test", null, out);
        }
        knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(hostKey.getPublic()) + "\n",
                StandardCharsets.UTF_8);
        wrongKnownHosts = dir.resolve("known_hosts.wrong");
        Files.writeString(wrongKnownHosts, "[127.0.0.1]:" + port + " "
                + PublicKeyEntry.toString(ecKeyPair().getPublic()) + "\n", StandardCharsets.UTF_8);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
    }

    /** The one server of this test JVM. */
    static synchronized SftpTestServer get() {
        if (running == null) {
            try {
                running = new SftpTestServer(Files.createTempDirectory("sftp-test-"));
            } catch (IOException e) {
                throw new UncheckedIOException("the test SFTP server cannot start", e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the test SFTP server cannot start", e);
            }
        }
        return running;
    }

    Path folder(String relative) {
        return root.resolve(relative);
    }

    private void stop() {
        try {
            server.stop(true);
        } catch (IOException e) {
            // the JVM is going away
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }

    private static KeyPair ecKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
