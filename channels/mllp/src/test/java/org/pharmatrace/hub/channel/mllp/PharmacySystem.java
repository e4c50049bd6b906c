package org.pharmatrace.hub.channel.mllp;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.llp.HL7Reader;
import ca.uhn.hl7v2.llp.HL7Writer;
import ca.uhn.hl7v2.llp.LLPException;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The pharmacy system of the tests: HAPI's own MLLP client. Well-formed messages go through a HAPI {@link Connection}
 * (parsed, sent, the ACK matched by its MSA-2); bytes no parser would take (truncated, not HL7) through HAPI's
 * lower-layer protocol (MLLP framing) on a plain socket.
 */
final class PharmacySystem implements AutoCloseable {

    private final HapiContext hapi = new DefaultHapiContext();
    /** Its own threads: closing a context shuts HAPI's shared default executor down, under other clients' feet. */
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final String host;
    private final int port;
    private Connection connection;
    private Socket socket;
    private HL7Writer rawWriter;
    private HL7Reader rawReader;

    PharmacySystem(String host, int port) {
        this.host = host;
        this.port = port;
        hapi.setValidationContext(ValidationContextFactory.noValidation());
        hapi.setExecutorService(threads);
    }

    /** Sends a message through HAPI's client and answers the ACK. */
    Ack send(String er7) throws HL7Exception, LLPException, IOException {
        if (connection == null) {
            connection = hapi.newClient(host, port, false);
            connection.getInitiator().setTimeout(120, TimeUnit.SECONDS);
        }
        Message message = hapi.getPipeParser().parse(er7.replace("\n", "\r"));
        Message ack = connection.getInitiator().sendAndReceive(message);
        return new Ack(ack.encode(), new Terser(ack));
    }

    /** Sends text as it is, MLLP-framed, and answers the ACK as text. */
    String sendRaw(String text) throws LLPException, IOException {
        if (socket == null) {
            socket = new Socket(host, port);
            socket.setSoTimeout(120_000);
            MinLowerLayerProtocol llp = new MinLowerLayerProtocol();
            rawWriter = llp.getWriter(socket.getOutputStream());
            rawReader = llp.getReader(socket.getInputStream());
        }
        rawWriter.writeMessage(text);
        return rawReader.getMessage();
    }

    @Override
    public void close() throws IOException {
        if (connection != null) {
            connection.close();
        }
        if (socket != null) {
            socket.close();
        }
        hapi.close();
        threads.shutdownNow();
    }

    /** An acknowledgement as received: its text and its fields. */
    record Ack(String text, Terser fields) {
        String get(String path) {
            try {
                String value = fields.get(path);
                return value == null ? "" : value;
            } catch (HL7Exception e) {
                throw new IllegalStateException(path + ": " + e.getMessage(), e);
            }
        }

        String code() {
            return get("/MSA-1");
        }
    }
}
