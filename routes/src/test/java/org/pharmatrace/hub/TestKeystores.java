package org.pharmatrace.hub;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import javax.crypto.spec.SecretKeySpec;

/** PKCS12 files holding a fresh AES-256 key-encryption key, as hub.documents.ipfs.keystore expects. */
final class TestKeystores {

    private TestKeystores() {
    }

    /** A new keystore with a random key under alias hub-kek-1, in a new directory under target/. */
    static Path withKek(char[] password) throws IOException, GeneralSecurityException {
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        keystore.load(null, null);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        keystore.setEntry("hub-kek-1", new KeyStore.SecretKeyEntry(new SecretKeySpec(key, "AES")),
                new KeyStore.PasswordProtection(password));
        Path directory = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "ipfs-hub-");
        Path file = directory.resolve("hub-kek.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            keystore.store(out, password);
        }
        return file;
    }
}
