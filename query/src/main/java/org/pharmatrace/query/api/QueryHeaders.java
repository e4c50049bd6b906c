package org.pharmatrace.query.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.pharmatrace.query.epcis.EventExport;
import org.pharmatrace.query.epcis.QueryException;
import org.springframework.http.MediaType;
import org.springframework.http.InvalidMediaTypeException;

/**
 * The EPCIS REST binding's headers: versions spoken (EPCIS 2.0.0, CBV 2.0.0), the answer's syntax from
 * {@code Accept}, and the identifier and CBV notations asked for.
 */
final class QueryHeaders {

    static final String EPCIS_VERSION = "2.0.0";
    static final String CBV_VERSION = "2.0.0";
    static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");

    private QueryHeaders() {
    }

    static void setStandardHeaders(HttpServletResponse response) {
        response.setHeader("GS1-EPCIS-Version", EPCIS_VERSION);
        response.setHeader("GS1-CBV-Version", CBV_VERSION);
    }

    /** Refuses (406) a client that needs another EPCIS or CBV version than 2.0. */
    static void checkVersions(HttpServletRequest request) {
        checkRange(request, "GS1-EPCIS-Min", "GS1-EPCIS-Max", EPCIS_VERSION);
        checkRange(request, "GS1-CBV-Min", "GS1-CBV-Max", CBV_VERSION);
    }

    private static void checkRange(HttpServletRequest request, String minHeader, String maxHeader, String supported) {
        String min = request.getHeader(minHeader);
        String max = request.getHeader(maxHeader);
        if (min != null && compare(min, supported, minHeader) > 0) {
            throw QueryException.notAcceptable(minHeader + " " + min + " is above the version this hub speaks ("
                    + supported + ")", minHeader);
        }
        if (max != null && compare(max, supported, maxHeader) < 0) {
            throw QueryException.notAcceptable(maxHeader + " " + max + " is below the version this hub speaks ("
                    + supported + ")", maxHeader);
        }
    }

    private static int compare(String version, String supported, String header) {
        String[] a = version.trim().split("\\.");
        String[] b = supported.split("\\.");
        try {
            for (int i = 0; i < Math.max(a.length, b.length); i++) {
                int x = i < a.length ? Integer.parseInt(a[i]) : 0;
                int y = i < b.length ? Integer.parseInt(b[i]) : 0;
                if (x != y) {
                    return Integer.compare(x, y);
                }
            }
        } catch (NumberFormatException e) {
            throw QueryException.notAcceptable(header + " '" + version + "' is not a version number", header);
        }
        return 0;
    }

    /** The syntax the client accepts: JSON-LD unless it asks for XML; 406 when it accepts neither. */
    static EventExport.Syntax syntax(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return EventExport.Syntax.JSON_LD;
        }
        List<MediaType> types;
        try {
            types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            throw QueryException.notAcceptable("the Accept header cannot be read", "Accept");
        }
        MediaType.sortBySpecificityAndQuality(types);
        for (MediaType t : types) {
            if (t.getQualityValue() == 0) {
                continue;
            }
            if (t.isCompatibleWith(MediaType.APPLICATION_JSON) || t.isCompatibleWith(JSON_LD)) {
                return EventExport.Syntax.JSON_LD;
            }
            if (t.isCompatibleWith(MediaType.APPLICATION_XML) || t.isCompatibleWith(MediaType.TEXT_XML)) {
                return EventExport.Syntax.XML;
            }
        }
        throw QueryException.notAcceptable("answers are EPCIS 2.0 JSON-LD (application/json, application/ld+json) "
                + "or XML (application/xml); the Accept header allows neither", "Accept");
    }

    /** The Content-Type of an answer in that syntax, following what the client asked for. */
    static String contentType(HttpServletRequest request, EventExport.Syntax syntax) {
        if (syntax == EventExport.Syntax.XML) {
            return "application/xml;charset=UTF-8";
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("application/ld+json") ? "application/ld+json;charset=UTF-8"
                : "application/json;charset=UTF-8";
    }

    static EventExport.EpcFormat epcFormat(HttpServletRequest request, EventExport.EpcFormat fallback) {
        String header = request.getHeader("GS1-EPC-Format");
        if (header == null) {
            return fallback;
        }
        EventExport.EpcFormat format = EventExport.EpcFormat.of(header);
        if (format == null) {
            throw QueryException.parameter("GS1-EPC-Format", "GS1-EPC-Format is No_Preference, Always_GS1_Digital_Link, "
                    + "Always_EPC_URN or Never_Translates, not '" + header + "'");
        }
        return format;
    }

    static EventExport.CbvFormat cbvFormat(HttpServletRequest request) {
        String header = request.getHeader("GS1-CBV-XML-Format");
        if (header == null) {
            return EventExport.CbvFormat.NO_PREFERENCE;
        }
        EventExport.CbvFormat format = EventExport.CbvFormat.of(header);
        if (format == null) {
            throw QueryException.parameter("GS1-CBV-XML-Format", "GS1-CBV-XML-Format is No_Preference, Always_Web_URI, "
                    + "Always_URN or Never_Translates, not '" + header + "'");
        }
        return format;
    }
}
