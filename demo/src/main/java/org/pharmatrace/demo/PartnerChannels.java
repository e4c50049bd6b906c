package org.pharmatrace.demo;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import com.helger.as2lib.client.AS2Client;
import com.helger.as2lib.client.AS2ClientRequest;
import com.helger.as2lib.client.AS2ClientResponse;
import com.helger.as2lib.client.AS2ClientSettings;
import com.helger.as2lib.crypto.ECryptoAlgorithmCrypt;
import com.helger.as2lib.crypto.ECryptoAlgorithmSign;
import com.helger.as2lib.crypto.IMICMatchingHandler;
import com.helger.as2lib.message.IMessage;
import com.helger.mail.cte.EContentTransferEncoding;
import com.helger.security.keystore.EKeyStoreType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.core5.util.Timeout;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

/** The partners' own software: an AS2 client (as2-lib), an SFTP client (MINA SSHD), an MLLP client (HAPI). */
final class PartnerChannels {

    private PartnerChannels() {
    }

    // ------------------------------------------------------------------------------------------------ AS2

    /** The MDN as the sender's AS2 software read it. */
    record Mdn(String disposition, String text, boolean signatureVerified, Boolean micMatched) {
        boolean processed() {
            return disposition != null && disposition.replaceAll("\\s+", "").toLowerCase()
                    .endsWith("processed");
        }
    }

    /**
     * Sends a document signed with the sender's key and encrypted to the hub's certificate, asks for a signed
     * synchronous MDN, and checks its signature (with the hub's certificate) and MIC.
     */
    static Mdn sendAs2(DemoKeys keys, String hubUrl, String hubAs2Id, String senderAs2Id, byte[] document,
                       String contentType, String subject) throws Exception {
        X509Certificate hub;
        try (InputStream in = Files.newInputStream(keys.as2("hub.pem"))) {
            hub = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        AS2ClientSettings settings = new AS2ClientSettings();
        settings.setKeyStore(EKeyStoreType.PKCS12, Files.readAllBytes(keys.as2("distributor.p12")),
                keys.password("distributor"));
        settings.setSenderData(senderAs2Id, "as2@distributor.example", DemoKeys.DISTRIBUTOR_AS2_ALIAS);
        settings.setReceiverData(hubAs2Id, "pharmatrace-hub", hubUrl);
        settings.setReceiverCertificate(hub);
        settings.setPartnershipName(senderAs2Id + "-" + hubAs2Id);
        settings.setEncryptAndSign(ECryptoAlgorithmCrypt.CRYPT_AES128_CBC, ECryptoAlgorithmSign.DIGEST_SHA_256);
        settings.setMDNRequested(true);
        settings.setMDNOptions("signed-receipt-protocol=optional, pkcs7-signature; signed-receipt-micalg=optional, sha-256");
        settings.setRetryCount(0);
        settings.setConnectTimeout(Timeout.ofSeconds(10));
        settings.setResponseTimeout(Timeout.ofSeconds(120));
        AtomicReference<Boolean> mic = new AtomicReference<>();
        settings.setMICMatchingHandler(new IMICMatchingHandler() {
            @Override
            public void onMICMatch(IMessage message, String received) {
                mic.set(true);
            }

            @Override
            public void onMICMismatch(IMessage message, String original, String received) {
                mic.set(false);
            }
        });
        AS2ClientRequest request = new AS2ClientRequest(subject).setData(document).setContentType(contentType);
        request.setContentTransferEncoding(EContentTransferEncoding.BINARY);
        AS2ClientResponse response = new AS2Client().sendSynchronous(settings, request);
        if (response.hasException()) {
            throw new IOException("as2-lib could not send to " + hubUrl + ": " + response.getException().getMessage(),
                    response.getException());
        }
        X509Certificate signer = response.getMDNVerificationCertificate();
        return new Mdn(response.getMDNDisposition(), response.getMDNText(),
                signer != null && signer.equals(hub), mic.get());
    }

    // ------------------------------------------------------------------------------------------------ SFTP

    private interface SftpWork<T> {
        T run(SftpClient sftp) throws Exception;
    }

    /**
     * Logged in at the partner SFTP server as the contract manufacturer (user cmo, its key), the server's host key
     * checked against the stack's known_hosts: an unknown or changed host key is refused.
     */
    private static <T> T asContractManufacturer(DemoKeys keys, int port, SftpWork<T> work) throws Exception {
        KeyPair identity = DemoKeys.loadKeyPair(keys.sftp("cmo-key"));
        try (SshClient client = SshClient.setUpDefaultClient()) {
            client.setServerKeyVerifier(new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE,
                    keys.sftp("known_hosts")));
            client.start();
            try (ClientSession session = client.connect("cmo", "127.0.0.1", port)
                    .verify(Duration.ofSeconds(10)).getSession()) {
                session.addPublicKeyIdentity(identity);
                session.auth().verify(Duration.ofSeconds(10));
                try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
                    return work.run(sftp);
                }
            }
        }
    }

    /** Uploads a file the way the SFTP channel asks partners to: as {@code name.part}, renamed when complete. */
    static void dropOverSftp(DemoKeys keys, int port, String folder, String name, byte[] content) throws Exception {
        asContractManufacturer(keys, port, sftp -> {
            String part = folder + "/" + name + ".part";
            try (OutputStream out = sftp.write(part)) {
                out.write(content);
            }
            sftp.rename(part, folder + "/" + name);
            return null;
        });
    }

    /** Whether a file is there (the hub moves what it took to done/ or error/). */
    static boolean existsOverSftp(DemoKeys keys, int port, String path) throws Exception {
        return asContractManufacturer(keys, port, sftp -> {
            try {
                sftp.stat(path);
                return true;
            } catch (org.apache.sshd.sftp.common.SftpException missing) {
                return false;
            }
        });
    }

    static String readOverSftp(DemoKeys keys, int port, String path) throws Exception {
        return asContractManufacturer(keys, port, sftp -> {
            try (InputStream in = sftp.read(path)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ MLLP

    /** An HL7 acknowledgement as the pharmacy system received it. */
    record Ack(String text, String code, String controlId, String reason) {
    }

    /** Sends an ER7 message with HAPI's MLLP client and answers the ACK. */
    static Ack sendMllp(String host, int port, String er7) throws Exception {
        ExecutorService threads = Executors.newCachedThreadPool();
        try (HapiContext hapi = new DefaultHapiContext()) {
            hapi.setValidationContext(ValidationContextFactory.noValidation());
            hapi.setExecutorService(threads);
            Message message = hapi.getPipeParser().parse(er7);
            Connection connection = hapi.newClient(host, port, false);
            try {
                connection.getInitiator().setTimeout(120, TimeUnit.SECONDS);
                Message ack = connection.getInitiator().sendAndReceive(message);
                Terser fields = new Terser(ack);
                return new Ack(ack.encode(), value(fields, "/MSA-1"), value(fields, "/MSA-2"), value(fields, "/MSA-3"));
            } finally {
                connection.close();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static String value(Terser fields, String path) {
        try {
            String v = fields.get(path);
            return v == null ? "" : v;
        } catch (Exception e) {
            return "";
        }
    }
}
