package org.pharmatrace.epcis.model;

/** The EPCIS action: how an event relates to the lifecycle of the objects it names. */
public enum Action {
    ADD, OBSERVE, DELETE
}
