/**
 * GS1 identifiers for the hub: EPC URNs, GS1 Digital Link URIs and element strings of the same GS1 keys
 * ({@link org.pharmatrace.gs1.Gs1Key}), scanned barcode data ({@link org.pharmatrace.gs1.GS1ElementStrings}),
 * GS1 check digits, and US NDCs with their GTINs ({@link org.pharmatrace.gs1.Ndc}). Plain Java, no dependencies.
 */
package org.pharmatrace.gs1;
