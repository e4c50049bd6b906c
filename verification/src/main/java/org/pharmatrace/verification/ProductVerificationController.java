package org.pharmatrace.verification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.pharmatrace.gs1.CheckDigit;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The hub's GS1 Digital Link resolver for packs: {@code GET /01/{gtin}/21/{serial}} (or with the lot in the path,
 * {@code /01/{gtin}/10/{lot}/21/{serial}}; lot and expiry also as the {@code 10} and {@code 17} query attributes)
 * answers a verification request in the GS1 Lightweight Messaging Standard's shape, or a small HTML page for a
 * browser; {@code …/qr.png} and {@code …/datamatrix.png} draw the pack's QR code and GS1 DataMatrix.
 */
@RestController
public class ProductVerificationController {

    static final String PACK = "/01/{gtin}/21/{serial}";
    static final String PACK_WITH_LOT = "/01/{gtin}/10/{lot}/21/{serial}";

    /** The link type a verification request names (GS1 Web Vocabulary), in its short and full forms. */
    private static final Set<String> VERIFICATION_LINK_TYPES = Set.of("verificationService", "gs1:verificationService",
            "https://gs1.org/voc/verificationService");
    private static final int MAX_CORRELATION_ID = 128;
    private static final String REQUEST_ID_HEADER = "X-Request-ID";
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final ProductStatusLookup lookup;
    private final VerificationProperties properties;
    private final PackBarcodes barcodes;
    private final Clock clock;

    public ProductVerificationController(ProductStatusLookup lookup, VerificationProperties properties, Clock clock) {
        this.lookup = lookup;
        this.properties = properties;
        this.barcodes = new PackBarcodes(properties.moduleSize());
        this.clock = clock;
    }

    /** Verifies a pack's product identifier. */
    @GetMapping({PACK, PACK_WITH_LOT})
    public ResponseEntity<?> verify(@PathVariable String gtin, @PathVariable String serial,
                                    @PathVariable(name = "lot", required = false) String lot,
                                    @RequestParam MultiValueMap<String, String> query,
                                    @RequestHeader HttpHeaders headers) {
        boolean html = prefersHtml(headers.getAccept());
        if (!html && !acceptsJson(headers.getAccept())) {
            throw new NotAcceptableException("the verification answer is application/json (or text/html for browsers)");
        }
        ProductIdentifier pack = identifier(gtin, serial, lot, query);
        String linkType = single(query, "linkType");
        if (linkType != null && !VERIFICATION_LINK_TYPES.contains(linkType)) {
            throw new InvalidProductIdentifierException("linkType", null, "linkType: '"
                    + ProductIdentifier.shown(linkType) + "' is not offered here; this resolver answers"
                    + " gs1:verificationService only");
        }
        checkRequestorGln(single(query, "reqGLN"));
        String corrUuid = correlationId(single(query, "corrUUID"), headers.getFirst(REQUEST_ID_HEADER));

        VerificationAnswer answer = VerificationAnswer.of(clock.instant(), properties.responderGln(), corrUuid,
                lookup.statusOf(pack), pack, properties.resolverBaseUrl());
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        return html
                ? ok.contentType(HTML).body(page(answer))
                : ok.contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    /** The pack's GS1 Digital Link, on the configured resolver, as a QR code. */
    @GetMapping({PACK + "/qr.png", PACK_WITH_LOT + "/qr.png"})
    public ResponseEntity<byte[]> qrCode(@PathVariable String gtin, @PathVariable String serial,
                                         @PathVariable(name = "lot", required = false) String lot,
                                         @RequestParam MultiValueMap<String, String> query) {
        ProductIdentifier pack = identifier(gtin, serial, lot, query);
        return image(barcodes.qrCode(pack.digitalLink(properties.resolverBaseUrl())));
    }

    /** The pack's element string (01)(17)(10)(21), with what the request gives of it, as a GS1 DataMatrix. */
    @GetMapping({PACK + "/datamatrix.png", PACK_WITH_LOT + "/datamatrix.png"})
    public ResponseEntity<byte[]> dataMatrix(@PathVariable String gtin, @PathVariable String serial,
                                             @PathVariable(name = "lot", required = false) String lot,
                                             @RequestParam MultiValueMap<String, String> query) {
        ProductIdentifier pack = identifier(gtin, serial, lot, query);
        return image(barcodes.gs1DataMatrix(pack.elementString().toBarcodeData()));
    }

    private ProductIdentifier identifier(String gtin, String serial, String pathLot,
                                         MultiValueMap<String, String> query) {
        String queryLot = single(query, ProductIdentifier.LOT_AI);
        if (pathLot != null && queryLot != null && !pathLot.equals(queryLot)) {
            throw new InvalidProductIdentifierException("lot", ProductIdentifier.LOT_AI, "lot (AI 10): the path says '"
                    + ProductIdentifier.shown(pathLot) + "' and the query says '" + ProductIdentifier.shown(queryLot)
                    + "'");
        }
        return ProductIdentifier.of(gtin, serial, pathLot != null ? pathLot : queryLot,
                single(query, ProductIdentifier.EXPIRY_AI), LocalDate.now(clock).getYear());
    }

    /** A query attribute given at most once; repeated, it would be ambiguous which one was read from the pack. */
    private static String single(MultiValueMap<String, String> query, String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            String field = switch (name) {
                case ProductIdentifier.LOT_AI -> "lot";
                case ProductIdentifier.EXPIRY_AI -> "expiry";
                default -> name;
            };
            throw new InvalidProductIdentifierException(field, name.matches("\\d+") ? name : null,
                    field + ": the query attribute " + name + " is given " + values.size() + " times");
        }
        return values.get(0);
    }

    /** The requestor's GLN (reqGLN) is checked when given; who may ask is decided by authentication, not by it. */
    private static void checkRequestorGln(String gln) {
        if (gln != null && !(gln.matches("\\d{13}") && CheckDigit.isValid(gln))) {
            throw new InvalidProductIdentifierException("reqGLN", null, "reqGLN: '" + ProductIdentifier.shown(gln)
                    + "' is not a GLN (13 digits with a valid check digit)");
        }
    }

    private static String correlationId(String corrUuid, String requestId) {
        String given = corrUuid != null ? corrUuid : requestId;
        if (given == null || given.isEmpty()) {
            return UUID.randomUUID().toString();
        }
        String field = corrUuid != null ? "corrUUID" : REQUEST_ID_HEADER;
        if (given.length() > MAX_CORRELATION_ID || !given.matches("[A-Za-z0-9._:-]+")) {
            throw new InvalidProductIdentifierException(field, null, field + ": a correlation id is 1 to "
                    + MAX_CORRELATION_ID + " letters, digits and . _ : - (a UUID, usually)");
        }
        return given;
    }

    /**
     * Browsers name text/html (or XHTML) explicitly and rank it above JSON; API clients name JSON, or accept anything,
     * and get JSON. A tie goes to JSON.
     */
    private static boolean prefersHtml(List<MediaType> accept) {
        double html = 0;
        double json = 0;
        for (MediaType type : accept) {
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                continue;
            }
            if (type.isCompatibleWith(MediaType.TEXT_HTML) || type.isCompatibleWith(MediaType.APPLICATION_XHTML_XML)) {
                html = Math.max(html, type.getQualityValue());
            } else if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                json = Math.max(json, type.getQualityValue());
            }
        }
        return html > 0 && html > json;
    }

    private static boolean acceptsJson(List<MediaType> accept) {
        return accept.isEmpty() || accept.stream()
                .anyMatch(type -> type.getQualityValue() > 0 && type.isCompatibleWith(MediaType.APPLICATION_JSON));
    }

    private static ResponseEntity<byte[]> image(byte[] png) {
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(1, TimeUnit.DAYS).cachePrivate())
                .body(png);
    }

    private static String page(VerificationAnswer answer) {
        VerificationAnswer.Identifier pack = answer.productIdentifier();
        StringBuilder rows = new StringBuilder();
        row(rows, "GTIN", pack.gtin());
        row(rows, "Serial number", pack.serial());
        row(rows, "Lot", pack.lot());
        row(rows, "Expiry", pack.expiry());
        row(rows, "Status", answer.status());
        row(rows, "Failure reason", answer.data().verificationFailureReason());
        row(rows, "Additional information", answer.data().additionalInfo());
        row(rows, "Verified at", answer.verificationTimestamp());
        row(rows, "Responder GLN", answer.responderGln());
        row(rows, "Correlation id", answer.corrUuid());
        String verdict = answer.data().verified() ? "Verified" : "Not verified";
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + verdict + " – PharmaTrace</title></head>\n<body>\n<h1>" + verdict + "</h1>\n<p>"
                + HtmlUtils.htmlEscape(answer.detail()) + "</p>\n<table>\n" + rows + "</table>\n</body></html>\n";
    }

    private static void row(StringBuilder rows, String name, String value) {
        if (value != null) {
            rows.append("<tr><th>").append(name).append("</th><td>").append(HtmlUtils.htmlEscape(value))
                    .append("</td></tr>\n");
        }
    }

    /** The request accepts neither JSON nor HTML; answered 406. */
    static final class NotAcceptableException extends RuntimeException {
        NotAcceptableException(String message) {
            super(message);
        }
    }
}
