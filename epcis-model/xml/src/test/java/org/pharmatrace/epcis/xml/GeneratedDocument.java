package org.pharmatrace.epcis.xml;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An EPCIS 2.0 document of any number of events, generated as it is read, so a test can stream a document far
 * larger than what it could hold.
 */
final class GeneratedDocument extends InputStream {

    private static final byte[] HEAD = ("<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\""
            + " xmlns:example=\"http://ns.example.com/epcis\" schemaVersion=\"2.0\" creationDate=\"2024-01-01T00:00:00Z\">"
            + "<EPCISBody><EventList>").getBytes(StandardCharsets.UTF_8);
    private static final byte[] TAIL = "</EventList></EPCISBody></epcis:EPCISDocument>".getBytes(StandardCharsets.UTF_8);

    private final long events;
    private long next;
    private byte[] chunk = HEAD;
    private int position;
    private long bytes;

    GeneratedDocument(long events) {
        this.events = events;
    }

    static String event(long i) {
        return "<ObjectEvent><eventTime>2024-01-01T10:00:00.000+01:00</eventTime>"
                + "<eventTimeZoneOffset>+01:00</eventTimeZoneOffset><eventID>urn:uuid:00000000-0000-0000-0000-" + String.format("%012d", i)
                + "</eventID><epcList><epc>urn:epc:id:sgtin:0614141.107346." + i + "</epc>"
                + "<epc>urn:epc:id:sgtin:0614141.107346." + (i + 1_000_000_000L) + "</epc></epcList><action>OBSERVE</action>"
                + "<bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep><disposition>urn:epcglobal:cbv:disp:in_transit</disposition>"
                + "<readPoint><id>urn:epc:id:sgln:0614141.07346.1234</id></readPoint>"
                + "<bizTransactionList><bizTransaction type=\"urn:epcglobal:cbv:btt:po\">urn:epcglobal:cbv:bt:0614141000005:PO" + i
                + "</bizTransaction></bizTransactionList><example:note>n" + i + "</example:note></ObjectEvent>";
    }

    /** Bytes handed out so far. */
    long bytesRead() {
        return bytes;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (chunk == null) {
            return -1;
        }
        if (position == chunk.length) {
            if (next < events) {
                chunk = event(next++).getBytes(StandardCharsets.UTF_8);
            } else if (chunk != TAIL) {
                chunk = TAIL;
            } else {
                chunk = null;
                return -1;
            }
            position = 0;
        }
        int n = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, buffer, offset, n);
        position += n;
        bytes += n;
        return n;
    }
}
