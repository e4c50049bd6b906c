package org.pharmatrace.hub.partner;

import java.util.List;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * HTTP Basic logins another module adds (a Spring bean of this type), with roles of its own: the query side's
 * regulators. Their names may not clash with partners' or operators'; what they may call is up to that module's
 * {@link ApiAuthorisationRules}.
 */
@FunctionalInterface
public interface ApiUsers {

    List<UserDetails> users();
}
