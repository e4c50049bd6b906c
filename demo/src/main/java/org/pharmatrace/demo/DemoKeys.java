package org.pharmatrace.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The demo partners' keys, generated once per stack into its run directory (nothing private is committed), and
 * the files the hub's channels are configured with:
 * <pre>
 * as2/hub.p12, as2/hub.pem, as2/hub.password                  the hub's AS2 signing/decryption key (alias hub-as2)
 * as2/distributor.p12, as2/distributor.pem, as2/distributor.password   the wholesaler's (alias demo-distributor)
 * sftp/host-key, sftp/host-key.pub                            the partner SFTP server's host key
 * sftp/hub-key, sftp/hub-key.pub                              the hub's login at that server (user hub)
 * sftp/cmo-key, sftp/cmo-key.pub                              the contract manufacturer's login (user cmo)
 * sftp/known_hosts                                            the host key the hub trusts, for [127.0.0.1]:port
 * sftp/root/cmo/outbound                                      the folder the hub polls (the cmo user's outbound/)
 * </pre>
 */
final class DemoKeys {

    static final String HUB_AS2_ALIAS = "hub-as2";
    static final String DISTRIBUTOR_AS2_ALIAS = "demo-distributor";

    final Path dir;

    DemoKeys(Path dir) {
        this.dir = dir;
    }

    Path as2(String name) {
        return dir.resolve("as2").resolve(name);
    }

    Path sftp(String name) {
        return dir.resolve("sftp").resolve(name);
    }

    Path sftpRoot() {
        return sftp("root");
    }

    /** Creates what is missing; keys already there are kept. Writes known_hosts for this port. */
    void init(int sftpPort) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir.resolve("as2"));
        Files.createDirectories(sftpRoot().resolve("cmo/outbound"));
        restrict(dir);
        if (!Files.exists(as2("hub.p12"))) {
            as2Identity("hub", HUB_AS2_ALIAS, "CN=PharmaTrace hub (demo), O=PharmaTrace demo stack");
        }
        if (!Files.exists(as2("distributor.p12"))) {
            as2Identity("distributor", DISTRIBUTOR_AS2_ALIAS, "CN=GS1 Drug Distributor AS2 (demo), O=PharmaTrace demo stack");
        }
        for (String key : new String[] {"host-key", "hub-key", "cmo-key"}) {
            if (!Files.exists(sftp(key))) {
                sshKey(sftp(key), key.replace("-key", "") + "@pharmatrace-demo");
            }
        }
        PublicKey host = loadKeyPair(sftp("host-key")).getPublic();
        Files.writeString(sftp("known_hosts"), "[127.0.0.1]:" + sftpPort + " " + PublicKeyEntry.toString(host) + "\n",
                StandardCharsets.UTF_8);
    }

    private void as2Identity(String name, String alias, String subject) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X500Name x500 = new X500Name(subject);
        Instant now = Instant.now();
        X509Certificate certificate;
        try {
            certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(x500,
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                    Date.from(now.plus(730, ChronoUnit.DAYS)), x500, keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
        String password = randomPassword();
        Path passwordFile = as2(name + ".password");
        Files.writeString(passwordFile, password, StandardCharsets.US_ASCII);
        restrict(passwordFile);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, keys.getPrivate(), password.toCharArray(), new Certificate[] {certificate});
        try (OutputStream out = Files.newOutputStream(as2(name + ".p12"))) {
            store.store(out, password.toCharArray());
        }
        restrict(as2(name + ".p12"));
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(certificate);
        }
        Files.writeString(as2(name + ".pem"), pem.toString(), StandardCharsets.US_ASCII);
    }

    private static void sshKey(Path file, String comment) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(keys, comment, null, out);
        }
        restrict(file);
        Files.writeString(file.resolveSibling(file.getFileName() + ".pub"),
                PublicKeyEntry.toString(keys.getPublic()) + " " + comment + "\n", StandardCharsets.US_ASCII);
    }

    static KeyPair loadKeyPair(Path file) throws IOException, GeneralSecurityException {
        for (KeyPair pair : new FileKeyPairProvider(file).loadKeys(null)) {
            return pair;
        }
        throw new IOException("no key in " + file);
    }

    static PublicKey loadPublicKey(Path file) throws IOException, GeneralSecurityException {
        String line = Files.readString(file, StandardCharsets.US_ASCII).strip();
        return PublicKeyEntry.parsePublicKeyEntry(line).resolvePublicKey(null, null, null);
    }

    String password(String name) throws IOException {
        return Files.readString(as2(name + ".password"), StandardCharsets.US_ASCII).strip();
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void restrict(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                    Files.isDirectory(path) ? "rwx------" : "rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: left as created
        }
    }
}
