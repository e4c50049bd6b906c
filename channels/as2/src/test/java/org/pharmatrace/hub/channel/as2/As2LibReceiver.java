package org.pharmatrace.hub.channel.as2;

import com.helger.as2lib.cert.CertificateFactory;
import com.helger.as2lib.exception.AS2Exception;
import com.helger.as2lib.message.IMessage;
import com.helger.as2lib.partner.SelfFillingPartnershipFactory;
import com.helger.as2lib.processor.DefaultMessageProcessor;
import com.helger.as2lib.processor.module.AbstractProcessorModule;
import com.helger.as2lib.processor.receiver.AS2ReceiverModule;
import com.helger.as2lib.processor.storage.IProcessorStorageModule;
import com.helger.as2lib.session.AS2Session;
import com.helger.commons.collection.attr.StringMap;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.pharmatrace.hub.channel.as2.TestPki.Identity;

/**
 * The partner's own AS2 server, played by as2-lib's receiver module on 127.0.0.1: it decrypts with the partner's
 * key, verifies the hub's signature, answers with its MDN, and keeps what it received.
 */
final class As2LibReceiver implements AutoCloseable {

    /** A message as2-lib accepted. */
    record Received(String subject, String contentType, String content) {
    }

    private final DefaultMessageProcessor processor = new DefaultMessageProcessor();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /**
     * @param partnerAs2Id the AS2 name (and keystore alias) of the receiving partner
     * @param hubAs2Id the hub's AS2 name, the alias its certificate is known by
     */
    As2LibReceiver(Path directory, int port, String partnerAs2Id, Identity partner, String hubAs2Id, Identity hub)
            throws Exception {
        AS2Session session = new AS2Session();
        Path keystore = TestPki.write(directory, "receiver-" + port + ".p12", TestPki.keystore(
                new Identity(partnerAs2Id, partner.keys(), partner.certificate()),
                new Identity(hubAs2Id, hub.keys(), hub.certificate())));
        CertificateFactory certificates = new CertificateFactory();
        StringMap certificateSettings = new StringMap();
        certificateSettings.putIn(CertificateFactory.ATTR_FILENAME, keystore.toString());
        certificateSettings.putIn("password", TestPki.PASSWORD);
        certificateSettings.putIn("type", "pkcs12");
        certificates.initDynamicComponent(session, certificateSettings);
        session.setCertificateFactory(certificates);
        session.setPartnershipFactory(new SelfFillingPartnershipFactory());
        processor.initDynamicComponent(session, new StringMap());
        session.setMessageProcessor(processor);
        AS2ReceiverModule receiver = new AS2ReceiverModule();
        StringMap receiverSettings = new StringMap();
        receiverSettings.putIn(AS2ReceiverModule.ATTR_PORT, port);
        receiverSettings.putIn(AS2ReceiverModule.ATTR_ADDRESS, "127.0.0.1");
        receiverSettings.putIn(AS2ReceiverModule.ATTR_ERROR_DIRECTORY, directory.resolve("as2lib-errors").toString());
        receiver.initDynamicComponent(session, receiverSettings);
        processor.addModule(receiver);
        processor.addModule(new AbstractProcessorModule() {
            @Override
            public boolean canHandle(String action, IMessage message, Map<String, Object> options) {
                return IProcessorStorageModule.DO_STORE.equals(action);
            }

            @Override
            public void handle(String action, IMessage message, Map<String, Object> options) throws AS2Exception {
                try (InputStream in = message.getData().getInputStream()) {
                    Received one = new Received(message.getSubject(), message.getContentType(),
                            new String(in.readAllBytes(), StandardCharsets.US_ASCII));
                    synchronized (received) {
                        received.add(one);
                        received.notifyAll();
                    }
                } catch (Exception e) {
                    throw new AS2Exception("cannot read received message", e);
                }
            }
        });
        processor.startActiveModules();
    }

    /** The first received message matching, waiting for it up to the timeout. */
    Optional<Received> await(Predicate<Received> wanted, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        synchronized (received) {
            while (true) {
                Optional<Received> found = received.stream().filter(wanted).findFirst();
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (found.isPresent() || left <= 0) {
                    return found;
                }
                received.wait(left);
            }
        }
    }

    /** How many messages matching were received so far. */
    long count(Predicate<Received> wanted) {
        return received.stream().filter(wanted).count();
    }

    /** Waits until at least {@code expected} messages matching were received, up to the timeout; the count then. */
    long awaitCount(Predicate<Received> wanted, long expected, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        synchronized (received) {
            while (true) {
                long found = count(wanted);
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (found >= expected || left <= 0) {
                    return found;
                }
                received.wait(left);
            }
        }
    }

    @Override
    public void close() {
        processor.stopActiveModules();
    }
}
