package org.pharmatrace.chaincode.lifecycle;

/** Names an event of a batch in messages: its position and Event Hash ID. */
public record EventRef(int position, String hash) {
    @Override
    public String toString() {
        return "event #" + position + " (" + hash + ")";
    }
}
