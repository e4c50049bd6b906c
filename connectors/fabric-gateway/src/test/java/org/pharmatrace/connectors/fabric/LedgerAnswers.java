package org.pharmatrace.connectors.fabric;

import java.nio.charset.StandardCharsets;

/** What the traceability contract answers, in its canonical JSON (keys sorted, no whitespace). */
final class LedgerAnswers {

  static final String TX = "5d9c0e4b6a7f21c3b8e0d4f6a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4";
  static final String COMMISSION = "ni:///sha-256;"
      + "0b9a6c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b?ver=CBV2.0";
  static final String PACK = "ni:///sha-256;"
      + "1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d?ver=CBV2.0";
  static final String DISPENSE = "ni:///sha-256;"
      + "2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e?ver=CBV2.0";
  static final String EPC = "urn:epc:id:sgtin:0614141.107346.2018";

  private LedgerAnswers() {
  }

  /** A batch of three: the commission was recorded before (duplicate), the pack is new, the dispense is flagged. */
  static byte[] recordEventsResult(String transactionId) {
    return ("{\"alerts\":[{\"epc\":\"" + EPC + "\",\"eventHash\":\"" + DISPENSE + "\",\"message\":\"event #2 ("
        + DISPENSE + "): " + EPC + " dispensed while recalled\",\"reason\":\"RECALLED\"}],"
        + "\"committed\":2,\"duplicates\":1,"
        + "\"events\":[{\"hash\":\"" + COMMISSION + "\",\"status\":\"duplicate\"},"
        + "{\"hash\":\"" + PACK + "\",\"status\":\"committed\"},"
        + "{\"hash\":\"" + DISPENSE + "\",\"status\":\"alert\"}],"
        + "\"txId\":\"" + transactionId + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  /** The {@code EventsRecorded} payload of the same transaction. */
  static byte[] eventsRecordedPayload(String transactionId, String... committed) {
    StringBuilder hashes = new StringBuilder();
    for (String hash : committed) {
      hashes.append(hashes.length() == 0 ? "" : ",").append('"').append(hash).append('"');
    }
    return ("{\"alerts\":[],\"committed\":[" + hashes + "],\"txId\":\"" + transactionId + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  static String batchDocument() {
    return "{\"@context\":[\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"],\"type\":\"EPCISDocument\","
        + "\"schemaVersion\":\"2.0\",\"creationDate\":\"2026-11-21T10:00:00Z\",\"epcisBody\":{\"eventList\":[]}}";
  }
}
