package org.pharmatrace.epcis.hash;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;
import org.pharmatrace.epcis.cbv.CbvVocabulary;
import org.pharmatrace.epcis.cbv.EpcisNamespaces;
import org.pharmatrace.epcis.model.BizTransaction;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.model.Location;
import org.pharmatrace.epcis.model.PersistentDisposition;
import org.pharmatrace.epcis.model.QuantityElement;
import org.pharmatrace.epcis.model.SensorElement;
import org.pharmatrace.epcis.model.SourceDestination;

/**
 * Writes the pre-hash string of an event: its fields in the canonical property order, every value in canonical form,
 * every list sorted. One instance per thread (see {@link EventHashGenerator}); it keeps its buffers between events.
 *
 * <p>Sorted groups nest (an extension's children inside the event's extensions, the reports inside a sensor element
 * inside the sensor element list). Each nesting depth has its own {@link SortedEntries}; a method that opens a
 * group at depth {@code d} renders the entries' own groups at {@code d + 1}.
 */
final class PreHashWriter {

    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final QName RDFS_COMMENT = new QName("http://www.w3.org/2000/01/rdf-schema#", "comment");
    private static final String CBV_URN = "urn:epcglobal:cbv:";
    private static final String CBV_MDA_JSON_LD = EpcisNamespaces.CBV_MASTER_DATA_ATTRIBUTES + ":";
    private static final String CBV_WEB = CbvVocabulary.WEB_URI_BASE;
    private static final String SENSOR_COMPONENT_BASE = CBV_WEB + "Comp-";

    private static final String[] METADATA_ORDER = {
        "time", "startTime", "endTime", "deviceID", "deviceMetadata", "rawData", "dataProcessingMethod", "bizRules"};
    private static final String[] REPORT_ORDER = {
        "type", "exception", "deviceID", "deviceMetadata", "rawData", "dataProcessingMethod", "time",
        "microorganism", "chemicalSubstance", "value", "component", "stringValue", "booleanValue", "hexBinaryValue",
        "uriValue", "minValue", "maxValue", "meanValue", "sDev", "percRank", "percValue", "uom",
        "coordinateReferenceSystem"};
    private static final Map<String, Integer> METADATA_INDEX = indexOf(METADATA_ORDER);
    private static final Map<String, Integer> REPORT_INDEX = indexOf(REPORT_ORDER);
    private static final Kind[] METADATA_KINDS = kindsOf(METADATA_ORDER);
    private static final Kind[] REPORT_KINDS = kindsOf(REPORT_ORDER);

    /** How a value is brought into canonical form beyond the steps every value goes through. */
    private enum Kind {
        /** Trimmed, CURIE-expanded, CBV URN to Web URI, number canonical, GS1 key to Digital Link. */
        PLAIN,
        /** As PLAIN, for a value that is one of a few recurring ones (locations, parties, classes, ...). */
        RECURRING,
        /** An xsd:dateTime, written in UTC with milliseconds. */
        TIME,
        BIZ_STEP, DISPOSITION, BIZ_TRANSACTION_TYPE, SOURCE_DESTINATION_TYPE,
        /** Sensor report {@code type} and {@code exception}: a bare term is a GS1 Web Vocabulary term. */
        GS1_TERM,
        /** Sensor report {@code component}: a bare term is a CBV component ({@code cbv:Comp-latitude}). */
        COMPONENT
    }

    private final CbvVersion version;
    private final Set<QName> ignoredExtensions;
    private final String gs1Base;
    private final boolean numbersAsDouble;
    private final DigitalLinks digitalLinks = new DigitalLinks();
    private SortedEntries[] levels = new SortedEntries[8];
    private final String[] slots = new String[REPORT_ORDER.length];

    PreHashWriter(CbvVersion version, Set<QName> ignoredExtensions) {
        this.version = version;
        this.ignoredExtensions = ignoredExtensions;
        this.gs1Base = version.gs1VocabularyBase();
        this.numbersAsDouble = !version.exactNumbers();
    }

    void write(EpcisEvent e, StringBuilder out) {
        if (e.getType() == null) {
            throw new IllegalArgumentException("event has no type: " + e);
        }
        boolean standardOrder = version.standardOrder();
        out.append("eventType=").append(e.getType().localName());
        field(out, "eventTime", e.getEventTime(), Kind.TIME);
        field(out, "eventTimeZoneOffset", e.getEventTimeZoneOffset(), Kind.PLAIN);
        if (version.hashesCertificationInfo()) {
            values(out, null, "certificationInfo", e.getCertificationInfo(), Kind.RECURRING, 0);
        }
        if (!standardOrder) {
            field(out, "parentID", e.getParentId(), Kind.PLAIN);
        }
        epcs(out, "epcList", e.getEpcList());
        if (standardOrder) {
            field(out, "parentID", e.getParentId(), Kind.PLAIN);
        }
        epcs(out, "inputEPCList", e.getInputEpcList());
        epcs(out, "childEPCs", e.getChildEpcs());
        quantities(out, "quantityList", e.getQuantityList());
        quantities(out, "childQuantityList", e.getChildQuantityList());
        quantities(out, "inputQuantityList", e.getInputQuantityList());
        epcs(out, "outputEPCList", e.getOutputEpcList());
        quantities(out, "outputQuantityList", e.getOutputQuantityList());
        if (e.getAction() != null) {
            out.append("action=").append(e.getAction().name());
        }
        field(out, "transformationID", e.getTransformationId(), Kind.RECURRING);
        field(out, "bizStep", e.getBizStep(), Kind.BIZ_STEP);
        field(out, "disposition", e.getDisposition(), Kind.DISPOSITION);
        persistentDisposition(out, e.getPersistentDisposition());
        location(out, "readPoint", e.getReadPoint(), 0);
        location(out, "bizLocation", e.getBizLocation(), 0);
        if (standardOrder) {
            bizTransactions(out, e.getBizTransactionList(), 0);
            sourcesOrDestinations(out, "sourceList", "source", e.getSourceList(), 0);
            sourcesOrDestinations(out, "destinationList", "destination", e.getDestinationList(), 0);
        }
        sensorElements(out, e.getSensorElementList(), 0);
        if (standardOrder) {
            ilmd(out, e.getIlmd(), 0);
            extensions(out, e.getExtensions(), ignoredExtensions, 0);
        } else {
            sortedTail(out, e);
        }
    }

    /**
     * The CBV 2.0 reference emits the lists it does not treat as ordered fields, ILMD and the user extensions as one
     * group, sorted as whole strings.
     */
    private void sortedTail(StringBuilder out, EpcisEvent e) {
        SortedEntries tail = level(0);
        if (!e.getBizTransactionList().isEmpty()) {
            bizTransactions(tail.open(), e.getBizTransactionList(), 1);
            tail.close();
        }
        if (!e.getSourceList().isEmpty()) {
            sourcesOrDestinations(tail.open(), "sourceList", "source", e.getSourceList(), 1);
            tail.close();
        }
        if (!e.getDestinationList().isEmpty()) {
            sourcesOrDestinations(tail.open(), "destinationList", "destination", e.getDestinationList(), 1);
            tail.close();
        }
        if (e.getIlmd() != null && !e.getIlmd().isEmpty()) {
            ilmd(tail.open(), e.getIlmd(), 1);
            tail.close();
        }
        if (hasUnknownSensorAttributes(e.getSensorElementList())) {
            unknownSensorAttributes(tail.open(), e.getSensorElementList(), 1);
            tail.close();
        }
        for (ExtensionElement x : e.getExtensions()) {
            if (hashed(x, ignoredExtensions)) {
                extension(tail.open(), x, 1);
                tail.close();
            }
        }
        tail.appendSortedTo(out, null);
    }

    // ---------------------------------------------------------------- standard fields

    private void epcs(StringBuilder out, String listName, List<String> epcs) {
        if (epcs.isEmpty()) {
            return;
        }
        SortedEntries group = level(0);
        for (String epc : epcs) {
            String v = trimmed(epc);
            if (v != null) {
                StringBuilder s = group.open().append("epc=");
                canonical(s, v, Kind.PLAIN);
                group.close();
            }
        }
        group.appendSortedTo(out, listName);
    }

    private void quantities(StringBuilder out, String listName, List<QuantityElement> quantities) {
        if (quantities.isEmpty()) {
            return;
        }
        SortedEntries group = level(0);
        for (QuantityElement q : quantities) {
            StringBuilder s = group.open();
            int mark = s.length();
            s.append("quantityElement");
            int empty = s.length();
            field(s, "epcClass", q.epcClass(), Kind.RECURRING);
            if (q.quantity() != null) {
                s.append("quantity=");
                if (!numbersAsDouble || !Numbers.appendAsDouble(s, q.quantity().toString())) {
                    Numbers.appendCanonical(s, q.quantity());
                }
            }
            field(s, "uom", q.uom(), Kind.PLAIN);
            if (s.length() == empty) {
                s.setLength(mark);
            }
            group.close();
        }
        group.appendSortedTo(out, listName);
    }

    private void persistentDisposition(StringBuilder out, PersistentDisposition pd) {
        if (pd == null) {
            return;
        }
        int mark = out.length();
        out.append("persistentDisposition");
        int empty = out.length();
        values(out, null, "set", pd.set(), Kind.DISPOSITION, 0);
        values(out, null, "unset", pd.unset(), Kind.DISPOSITION, 0);
        if (out.length() == empty) {
            out.setLength(mark);
        }
    }

    /** {@code readPoint}/{@code bizLocation}: the id, then its extensions sorted (inline, as both versions do). */
    private void location(StringBuilder out, String name, Location location, int depth) {
        if (location == null) {
            return;
        }
        String id = trimmed(location.id());
        if (id == null && !hasHashed(location.extensions())) {
            return;
        }
        out.append(name);
        if (id != null) {
            out.append("id=");
            canonical(out, id, Kind.RECURRING);
        }
        extensions(out, location.extensions(), Set.of(), depth);
    }

    private void bizTransactions(StringBuilder out, List<BizTransaction> list, int depth) {
        if (list.isEmpty()) {
            return;
        }
        SortedEntries group = level(depth);
        for (BizTransaction bt : list) {
            StringBuilder s = group.open();
            field(s, "type", bt.type(), Kind.BIZ_TRANSACTION_TYPE);
            field(s, "bizTransaction", bt.value(), Kind.RECURRING);
            group.close();
        }
        group.appendSortedTo(out, "bizTransactionList");
    }

    /** Each entry is its type followed by its id, and the entries are sorted as such strings. */
    private void sourcesOrDestinations(StringBuilder out, String listName, String itemName,
                                       List<SourceDestination> list, int depth) {
        if (list.isEmpty()) {
            return;
        }
        SortedEntries group = level(depth);
        for (SourceDestination sd : list) {
            StringBuilder s = group.open();
            field(s, "type", sd.type(), Kind.SOURCE_DESTINATION_TYPE);
            field(s, itemName, sd.value(), Kind.RECURRING);
            group.close();
        }
        group.appendSortedTo(out, listName);
    }

    private void sensorElements(StringBuilder out, List<SensorElement> elements, int depth) {
        if (elements.isEmpty()) {
            return;
        }
        SortedEntries group = level(depth);
        for (SensorElement element : elements) {
            StringBuilder s = group.open();
            int mark = s.length();
            s.append("sensorElement");
            int empty = s.length();
            sensorAttributes(s, "sensorMetadata", element.metadata(), METADATA_ORDER, METADATA_INDEX, METADATA_KINDS,
                    depth + 1);
            if (!element.reports().isEmpty()) {
                SortedEntries reports = level(depth + 1);
                for (Map<QName, String> report : element.reports()) {
                    sensorAttributes(reports.open(), "sensorReport", report, REPORT_ORDER, REPORT_INDEX, REPORT_KINDS,
                            depth + 2);
                    reports.close();
                }
                reports.appendSortedTo(s, null);
            }
            extensions(s, element.extensions(), Set.of(), depth + 1);
            if (s.length() == empty) {
                s.setLength(mark);
            }
            group.close();
        }
        group.appendSortedTo(out, "sensorElementList");
    }

    /**
     * A sensorMetadata or sensorReport: the standard attributes in their canonical order, then the others (extension
     * attributes, and standard-looking names this version does not know) sorted as {@code {ns}name=value}.
     */
    private void sensorAttributes(StringBuilder out, String name, Map<QName, String> attributes, String[] order,
                                  Map<String, Integer> index, Kind[] kinds, int depth) {
        if (attributes.isEmpty()) {
            return;
        }
        int mark = out.length();
        out.append(name);
        int empty = out.length();
        String[] values = slots;
        java.util.Arrays.fill(values, 0, order.length, null);
        SortedEntries others = null;
        for (Map.Entry<QName, String> a : attributes.entrySet()) {
            QName key = a.getKey();
            Integer position = key.getNamespaceURI().isEmpty() ? index.get(key.getLocalPart()) : null;
            if (position != null) {
                values[position] = a.getValue();
            } else if (!XSI.equals(key.getNamespaceURI()) && (version.standardOrder() || !isUnknown(key, index))) {
                if (others == null) {
                    others = level(depth);
                }
                StringBuilder s = others.open();
                key(s, key);
                String v = trimmed(a.getValue());
                if (v != null) {
                    s.append('=');
                    canonical(s, v, Kind.RECURRING);
                }
                others.close();
            }
        }
        for (int k = 0; k < order.length; k++) {
            String v = trimmed(values[k]);
            if (v != null) {
                out.append(order[k]).append('=');
                canonical(out, v, kinds[k]);
            }
        }
        if (others != null) {
            others.appendSortedTo(out, null);
        }
        if (out.length() == empty) {
            out.setLength(mark);
        }
    }

    /** An attribute without namespace that is not a standard one here (e.g. bizRules on a sensorReport). */
    private static boolean isUnknown(QName attribute, Map<String, Integer> index) {
        return attribute.getNamespaceURI().isEmpty() && !index.containsKey(attribute.getLocalPart());
    }

    private static boolean hasUnknownSensorAttributes(List<SensorElement> elements) {
        for (SensorElement element : elements) {
            for (QName name : element.metadata().keySet()) {
                if (isUnknown(name, METADATA_INDEX)) {
                    return true;
                }
            }
            for (Map<QName, String> report : element.reports()) {
                for (QName name : report.keySet()) {
                    if (isUnknown(name, REPORT_INDEX)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * CBV 2.0: the reference leaves attributes it does not know where it found them and emits them with the rest of
     * the unordered tail, as a second {@code sensorElementList} holding only the elements, metadata and reports that
     * carry such attributes.
     */
    private void unknownSensorAttributes(StringBuilder out, List<SensorElement> elements, int depth) {
        SortedEntries group = level(depth);
        for (SensorElement element : elements) {
            StringBuilder s = group.open();
            int mark = s.length();
            s.append("sensorElement");
            int empty = s.length();
            SortedEntries parts = level(depth + 1);
            unknownAttributes(parts, "sensorMetadata", element.metadata(), METADATA_INDEX, depth + 2);
            for (Map<QName, String> report : element.reports()) {
                unknownAttributes(parts, "sensorReport", report, REPORT_INDEX, depth + 2);
            }
            parts.appendSortedTo(s, null);
            if (s.length() == empty) {
                s.setLength(mark);
            }
            group.close();
        }
        group.appendSortedTo(out, "sensorElementList");
    }

    private void unknownAttributes(SortedEntries parts, String name, Map<QName, String> attributes,
                                   Map<String, Integer> index, int depth) {
        SortedEntries group = null;
        for (Map.Entry<QName, String> a : attributes.entrySet()) {
            if (isUnknown(a.getKey(), index)) {
                if (group == null) {
                    group = level(depth);
                }
                StringBuilder s = group.open().append(a.getKey().getLocalPart());
                String v = trimmed(a.getValue());
                if (v != null) {
                    s.append('=');
                    canonical(s, v, Kind.RECURRING);
                }
                group.close();
            }
        }
        if (group != null) {
            group.appendSortedTo(parts.open().append(name), null);
            parts.close();
        }
    }

    private static Kind sensorKind(String attribute) {
        switch (attribute) {
            case "time":
            case "startTime":
            case "endTime":
                return Kind.TIME;
            case "type":
            case "exception":
                return Kind.GS1_TERM;
            case "component":
                return Kind.COMPONENT;
            default:
                return Kind.RECURRING;
        }
    }

    private void ilmd(StringBuilder out, List<ExtensionElement> ilmd, int depth) {
        if (ilmd == null || ilmd.isEmpty()) {
            return;
        }
        SortedEntries group = level(depth);
        for (ExtensionElement x : ilmd) {
            if (hashed(x, Set.of())) {
                extension(group.open(), x, depth + 1);
                group.close();
            }
        }
        group.appendSortedTo(out, "ilmd");
    }

    // ---------------------------------------------------------------- extensions

    private void extensions(StringBuilder out, List<ExtensionElement> extensions, Set<QName> ignored, int depth) {
        if (extensions.isEmpty()) {
            return;
        }
        SortedEntries group = level(depth);
        for (ExtensionElement x : extensions) {
            if (hashed(x, ignored)) {
                extension(group.open(), x, depth + 1);
                group.close();
            }
        }
        group.appendSortedTo(out, null);
    }

    /**
     * {@code {namespace}name}, then {@code =value} if it has text, then its attributes and child elements as one
     * sorted group. XML Schema instance attributes ({@code xsi:type}) only annotate the lexical type and are left out,
     * so an XML extension hashes like its JSON-LD twin.
     */
    private void extension(StringBuilder out, ExtensionElement x, int depth) {
        key(out, x.name());
        String text = trimmed(x.text());
        if (text != null) {
            out.append('=');
            canonical(out, text, Kind.RECURRING);
        }
        if (x.children().isEmpty() && x.attributes().isEmpty()) {
            return;
        }
        SortedEntries group = level(depth);
        for (Map.Entry<QName, String> a : x.attributes().entrySet()) {
            QName name = a.getKey();
            if (XSI.equals(name.getNamespaceURI()) || "xmlns".equals(name.getPrefix())) {
                continue;
            }
            StringBuilder s = group.open();
            key(s, name);
            String v = trimmed(a.getValue());
            if (v != null) {
                s.append('=');
                canonical(s, v, Kind.RECURRING);
            }
            group.close();
        }
        for (ExtensionElement child : x.children()) {
            if (hashed(child, Set.of())) {
                extension(group.open(), child, depth + 1);
                group.close();
            }
        }
        group.appendSortedTo(out, null);
    }

    /**
     * Whether an extension takes part in the hash: not one the caller excludes, and not an {@code rdfs:comment},
     * JSON-LD's counterpart of an XML comment.
     */
    private static boolean hashed(ExtensionElement x, Set<QName> ignored) {
        QName name = x.name();
        return !RDFS_COMMENT.equals(name) && (ignored.isEmpty() || !ignored.contains(name));
    }

    private static boolean hasHashed(List<ExtensionElement> extensions) {
        for (ExtensionElement x : extensions) {
            if (hashed(x, Set.of())) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code {namespace}localName}, or the local name alone. The CBV master data attributes have two spellings of
     * their namespace, {@code urn:epcglobal:cbv:mda} in XML and {@code urn:epcglobal:cbv:mda:} as the JSON-LD prefix
     * ({@code cbvmda}); both are written the XML way, so an ILMD {@code lotNumber} hashes alike in either syntax and
     * as the reference hashes the usual XML.
     */
    private static void key(StringBuilder out, QName name) {
        String ns = name.getNamespaceURI();
        if (CBV_MDA_JSON_LD.equals(ns)) {
            ns = EpcisNamespaces.CBV_MASTER_DATA_ATTRIBUTES;
        }
        if (!ns.isEmpty()) {
            out.append('{').append(ns).append('}');
        }
        out.append(name.getLocalPart());
    }

    // ---------------------------------------------------------------- values

    /** {@code name=value} when the value is present and not blank; nothing otherwise. */
    private void field(StringBuilder out, String name, String raw, Kind kind) {
        String v = trimmed(raw);
        if (v != null) {
            out.append(name).append('=');
            canonical(out, v, kind);
        }
    }

    /** Each non-blank value as {@code name=value}, sorted, after {@code listName} if given and anything is there. */
    private void values(StringBuilder out, String listName, String name, List<String> values, Kind kind, int depth) {
        if (values.isEmpty()) {
            return;
        }
        SortedEntries group = level(depth);
        for (String raw : values) {
            String v = trimmed(raw);
            if (v != null) {
                StringBuilder s = group.open().append(name).append('=');
                canonical(s, v, kind);
                group.close();
            }
        }
        group.appendSortedTo(out, listName);
    }

    private void canonical(StringBuilder out, String v, Kind kind) {
        switch (kind) {
            case TIME:
                Timestamps.appendUtc(out, v);
                return;
            case BIZ_STEP:
                if (appendCbvTerm(out, CbvVocabulary.BIZ_STEP, v)) {
                    return;
                }
                break;
            case DISPOSITION:
                if (appendCbvTerm(out, CbvVocabulary.DISPOSITION, v)) {
                    return;
                }
                break;
            case BIZ_TRANSACTION_TYPE:
                if (appendCbvTerm(out, CbvVocabulary.BIZ_TRANSACTION_TYPE, v)) {
                    return;
                }
                break;
            case SOURCE_DESTINATION_TYPE:
                if (appendCbvTerm(out, CbvVocabulary.SOURCE_DESTINATION_TYPE, v)) {
                    return;
                }
                break;
            case GS1_TERM:
                if (v.indexOf(':') < 0) {
                    out.append(gs1Base).append(v);
                    return;
                }
                break;
            case COMPONENT:
                if (v.indexOf(':') < 0) {
                    out.append(SENSOR_COMPONENT_BASE).append(v);
                    return;
                }
                break;
            default:
                break;
        }
        plain(out, v, kind == Kind.RECURRING);
    }

    /**
     * A term of {@code vocabulary} as its Web URI: from its URN (any term under the vocabulary's URN prefix, as the
     * reference maps them), as given when already a Web URI, or from its bare JSON-LD name when that is a standard
     * term. Anything else (a CURIE, a custom URI) is left to {@link #plain}.
     */
    private static boolean appendCbvTerm(StringBuilder out, CbvVocabulary vocabulary, String v) {
        String urn = vocabulary.urnPrefix();
        if (v.startsWith(urn)) {
            out.append(vocabulary.webUriPrefix()).append(v, urn.length(), v.length());
            return true;
        }
        if (v.startsWith(vocabulary.webUriPrefix())) {
            out.append(v);
            return true;
        }
        if (v.indexOf(':') < 0 && vocabulary.isStandardTerm(v)) {
            out.append(vocabulary.webUriPrefix()).append(v);
            return true;
        }
        return false;
    }

    /**
     * The steps every value goes through. They exclude one another, so the first character picks the step: a
     * number loses its insignificant zeros; an EPC URN or Digital Link becomes the canonical Digital Link; a CBV URN
     * becomes its Web URI (for any term of the five CBV vocabularies, standard or not); the {@code gs1:} and
     * {@code cbv:} CURIEs are expanded; anything else is kept as given.
     */
    private void plain(StringBuilder out, String v, boolean recurring) {
        char c = v.charAt(0);
        if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
            if (numbersAsDouble ? Numbers.appendAsDouble(out, v) : Numbers.appendExact(out, v)) {
                return;
            }
        } else if (c == 'u') {
            if (v.startsWith("urn:epc:")) {
                digitalLinks.append(out, v, recurring);
                return;
            }
            if (v.startsWith(CBV_URN) && appendCbvUrn(out, v)) {
                return;
            }
        } else if (c == 'h') {
            if (v.startsWith("https://gs1.org/voc/")) {
                out.append(gs1Base).append(v, "https://gs1.org/voc/".length(), v.length());
                return;
            }
            digitalLinks.append(out, v, recurring);
            return;
        } else if (c == 'g') {
            if (v.startsWith("gs1:")) {
                out.append(gs1Base).append(v, 4, v.length());
                return;
            }
        } else if (c == 'c') {
            if (v.startsWith("cbv:")) {
                out.append(CBV_WEB).append(v, 4, v.length());
                return;
            }
        }
        out.append(v);
    }

    private static boolean appendCbvUrn(StringBuilder out, String v) {
        int at = CBV_URN.length();
        String web;
        int skip;
        if (v.startsWith("bizstep:", at)) {
            web = "BizStep-";
            skip = 8;
        } else if (v.startsWith("disp:", at)) {
            web = "Disp-";
            skip = 5;
        } else if (v.startsWith("btt:", at)) {
            web = "BTT-";
            skip = 4;
        } else if (v.startsWith("sdt:", at)) {
            web = "SDT-";
            skip = 4;
        } else if (v.startsWith("er:", at)) {
            web = "ER-";
            skip = 3;
        } else {
            return false;
        }
        out.append(CBV_WEB).append(web).append(v, at + skip, v.length());
        return true;
    }

    /** The value without surrounding whitespace, or null when it is absent or blank. */
    private static String trimmed(String raw) {
        if (raw == null) {
            return null;
        }
        String v = raw.strip();
        return v.isEmpty() ? null : v;
    }

    /** Drops the per-depth buffers that grew beyond {@code capacity} characters; they are recreated when needed. */
    void releaseLargeBuffers(int capacity) {
        for (int k = 0; k < levels.length; k++) {
            if (levels[k] != null && levels[k].text.capacity() > capacity) {
                levels[k] = null;
            }
        }
    }

    private SortedEntries level(int depth) {
        if (depth >= levels.length) {
            levels = java.util.Arrays.copyOf(levels, Math.max(depth + 1, levels.length * 2));
        }
        SortedEntries level = levels[depth];
        if (level == null) {
            level = new SortedEntries();
            levels[depth] = level;
        }
        level.clear();
        return level;
    }

    private static Kind[] kindsOf(String[] names) {
        Kind[] kinds = new Kind[names.length];
        for (int k = 0; k < names.length; k++) {
            kinds[k] = sensorKind(names[k]);
        }
        return kinds;
    }

    private static Map<String, Integer> indexOf(String[] names) {
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < names.length; k++) {
            index.put(names[k], k);
        }
        return Map.copyOf(index);
    }
}
