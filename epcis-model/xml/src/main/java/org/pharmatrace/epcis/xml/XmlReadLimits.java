package org.pharmatrace.epcis.xml;

/**
 * Bounds on what an EPCIS XML reader accepts, so that a hostile or broken document is refused before it can
 * exhaust memory. The reader streams, so document size alone costs no memory; the default leaves it unbounded.
 *
 * @param maxDocumentChars characters in the whole document
 * @param maxElementDepth nesting depth of elements (EPCIS itself needs about 10; extensions add some)
 * @param maxAttributeValueLength characters in one attribute value
 * @param maxTextLength characters in one text node
 * @param maxAttributesPerElement attributes on one element
 */
public record XmlReadLimits(long maxDocumentChars, int maxElementDepth, int maxAttributeValueLength,
                            int maxTextLength, int maxAttributesPerElement) {

    /** Generous for real EPCIS documents, tight enough to stop depth and single-node bombs. */
    public static final XmlReadLimits DEFAULT = new XmlReadLimits(Long.MAX_VALUE, 100, 64 * 1024, 1024 * 1024, 200);

    public XmlReadLimits {
        if (maxDocumentChars <= 0 || maxElementDepth <= 0 || maxAttributeValueLength <= 0 || maxTextLength <= 0
                || maxAttributesPerElement <= 0) {
            throw new IllegalArgumentException("XML read limits must be positive");
        }
    }

    public XmlReadLimits withMaxDocumentChars(long chars) {
        return new XmlReadLimits(chars, maxElementDepth, maxAttributeValueLength, maxTextLength, maxAttributesPerElement);
    }

    public XmlReadLimits withMaxElementDepth(int depth) {
        return new XmlReadLimits(maxDocumentChars, depth, maxAttributeValueLength, maxTextLength, maxAttributesPerElement);
    }

    public XmlReadLimits withMaxAttributeValueLength(int chars) {
        return new XmlReadLimits(maxDocumentChars, maxElementDepth, chars, maxTextLength, maxAttributesPerElement);
    }

    public XmlReadLimits withMaxTextLength(int chars) {
        return new XmlReadLimits(maxDocumentChars, maxElementDepth, maxAttributeValueLength, chars, maxAttributesPerElement);
    }

    public XmlReadLimits withMaxAttributesPerElement(int count) {
        return new XmlReadLimits(maxDocumentChars, maxElementDepth, maxAttributeValueLength, maxTextLength, count);
    }
}
