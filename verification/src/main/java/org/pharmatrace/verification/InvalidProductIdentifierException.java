package org.pharmatrace.verification;

/**
 * A verification or barcode request whose product identifier (or another request parameter) breaks the GS1 rules;
 * answered 400, naming the field.
 */
public class InvalidProductIdentifierException extends RuntimeException {

    private final String field;
    private final String ai;

    /**
     * @param field the request's name for the field: {@code gtin}, {@code serial}, {@code lot}, {@code expiry},
     *     {@code corrUUID}, …
     * @param ai the GS1 application identifier the field carries, or null when it is not an AI
     * @param message what is wrong, starting with the field
     */
    public InvalidProductIdentifierException(String field, String ai, String message) {
        super(message);
        this.field = field;
        this.ai = ai;
    }

    public String field() {
        return field;
    }

    /** The GS1 AI of the field ({@code 01}, {@code 21}, {@code 10}, {@code 17}), or null. */
    public String ai() {
        return ai;
    }
}
