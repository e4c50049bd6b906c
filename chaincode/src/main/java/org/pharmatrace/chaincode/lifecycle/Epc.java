package org.pharmatrace.chaincode.lifecycle;

/**
 * A serialised item or container identifier in the one form the ledger keys it by.
 *
 * @param key the EPC URN (the GS1 Digital Link only when the company prefix length cannot be known)
 * @param given the identifier as the event carried it
 * @param container true for an SSCC, false for an SGTIN
 * @param gtin the GTIN-14 of an SGTIN, {@code null} for an SSCC
 * @param serial the serial of an SGTIN, {@code null} for an SSCC
 * @param companyPrefix the GS1 company prefix, {@code null} when unknown
 * @param brandOwner MSP id of the organisation the company prefix is registered to, {@code null} when unregistered
 */
public record Epc(String key, String given, boolean container, String gtin, String serial, String companyPrefix,
                  String brandOwner) {
}
