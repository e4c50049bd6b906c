package org.pharmatrace.epcis.model;

/**
 * One entry of an event's sourceList or destinationList.
 *
 * @param type the CBV source/destination type ({@code urn:epcglobal:cbv:sdt:owning_party}, ...) or a custom URI
 * @param value the party or location identifier (SGLN, PGLN, Digital Link, ...)
 */
public record SourceDestination(String type, String value) {
}
