package org.pharmatrace.query.access;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hub.regulators}: the regulators' HTTP Basic logins, beside {@code hub.partners} and {@code hub.operators}.
 * A regulator sees every event through the query interface and the reports, and each of its queries is audited.
 */
@ConfigurationProperties("hub")
public record RegulatorLogins(@DefaultValue List<Regulator> regulators) {

    /**
     * @param id the HTTP Basic user
     * @param passwordHash a bcrypt hash ({@code $2a$...} or {@code {bcrypt}$2a$...})
     */
    public record Regulator(String id, String passwordHash) {
    }
}
