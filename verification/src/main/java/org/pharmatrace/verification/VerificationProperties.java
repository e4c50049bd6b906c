package org.pharmatrace.verification;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.pharmatrace.gs1.CheckDigit;
import org.pharmatrace.gs1.Gs1Key;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The verification service's settings under {@code hub.verification.*} (see verification/README.md).
 *
 * @param responderGln the GLN the answers name as responder ({@code responderGLN}); none: the member is left out
 * @param resolverBaseUrl where the hub's GS1 Digital Links point (QR codes, {@code digitalLink} in answers); the GS1
 *     global resolver by default, which redirects to the brand owner's resolver
 * @param ledgerOrganisation the MSP id the chaincode's {@code verify} is evaluated as (one of the hub's ledger
 *     identities); by default the first one configured
 * @param roles the hub roles that may verify and draw barcodes: {@code PARTNER} and {@code REGULATOR} by default;
 *     {@code OPERATOR} may be added
 * @param moduleSize pixels per barcode module (QR and DataMatrix), 1 to 40
 */
@ConfigurationProperties("hub.verification")
public record VerificationProperties(
        String responderGln,
        @DefaultValue(Gs1Key.CANONICAL_DIGITAL_LINK_BASE) String resolverBaseUrl,
        String ledgerOrganisation,
        @DefaultValue({"PARTNER", "REGULATOR"}) List<String> roles,
        @DefaultValue("8") int moduleSize) {

    public VerificationProperties {
        if (responderGln != null && responderGln.isBlank()) {
            responderGln = null;
        }
        if (responderGln != null && !(responderGln.matches("\\d{13}") && CheckDigit.isValid(responderGln))) {
            throw new IllegalArgumentException("hub.verification.responder-gln: '" + responderGln
                    + "' is not a GLN (13 digits with a valid check digit)");
        }
        resolverBaseUrl = resolverBase(resolverBaseUrl);
        if (ledgerOrganisation != null && ledgerOrganisation.isBlank()) {
            ledgerOrganisation = null;
        }
        roles = List.copyOf(roles);
        if (roles.isEmpty() || roles.stream().anyMatch(r -> r == null || r.isBlank() || r.startsWith("ROLE_"))) {
            throw new IllegalArgumentException("hub.verification.roles: " + roles
                    + " must name at least one role, without the ROLE_ prefix (e.g. PARTNER)");
        }
        if (moduleSize < 1 || moduleSize > 40) {
            throw new IllegalArgumentException("hub.verification.module-size: " + moduleSize
                    + " is not between 1 and 40 pixels");
        }
    }

    private static String resolverBase(String value) {
        String base = value == null ? "" : value.trim();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        try {
            URI uri = new URI(base);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null && uri.getUserInfo() == null) {
                return base;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("hub.verification.resolver-base-url: '" + value
                + "' is not an http(s) URL without query, fragment or credentials (e.g. https://id.example.com)");
    }
}
