package org.pharmatrace.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * The contract manufacturer's SFTP server, as the local stack runs it (Apache MINA SSHD on 127.0.0.1): SFTP only,
 * public-key logins only, two users. {@code cmo} (the contract manufacturer dropping its files) sees only its own
 * directory, {@code root/cmo}; {@code hub} (the hub's SFTP channel polling them) sees {@code root}, where that is
 * {@code cmo/}.
 */
final class PartnerSftpServer {

    private PartnerSftpServer() {
    }

    static SshServer start(DemoKeys keys, int port) throws IOException, GeneralSecurityException {
        Map<String, PublicKey> users = Map.of(
                "hub", DemoKeys.loadPublicKey(keys.sftp("hub-key.pub")),
                "cmo", DemoKeys.loadPublicKey(keys.sftp("cmo-key.pub")));
        VirtualFileSystemFactory files = new VirtualFileSystemFactory(keys.sftpRoot().toAbsolutePath());
        files.setUserHomeDir("cmo", keys.sftpRoot().resolve("cmo").toAbsolutePath());
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(port);
        server.setKeyPairProvider(new FileKeyPairProvider(keys.sftp("host-key")));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setPublickeyAuthenticator((user, key, session) -> users.containsKey(user)
                && KeyUtils.compareKeys(users.get(user), key));
        server.setShellFactory(null);
        server.setCommandFactory(null);
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(files);
        server.start();
        return server;
    }

    /** Runs until the process is told to stop (SIGTERM: bin/hub-stack down). */
    static void serve(Path dir, int port) throws Exception {
        DemoKeys keys = new DemoKeys(dir);
        SshServer server = start(keys, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop(true);
            } catch (IOException e) {
                // going away anyway
            }
            stopped.countDown();
        }));
        System.out.println("partner SFTP server listening on 127.0.0.1:" + server.getPort() + ", files under "
                + keys.sftpRoot() + " (users: hub, cmo; public keys only)");
        stopped.await();
    }
}
