package org.pharmatrace.query.api;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pharmatrace.query.access.Viewers;
import org.pharmatrace.query.proof.EventVerification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/** {@code GET /events/{eventID}/verification}: the event checked against its own hash and against the ledger. */
@EpcisQueryApi
@ResponseBody
public class VerificationApi {

    private final EventVerification verification;
    private final Viewers viewers;

    public VerificationApi(EventVerification verification, Viewers viewers) {
        this.verification = verification;
        this.viewers = viewers;
    }

    @GetMapping("/events/{eventID}/verification")
    public Map<String, Object> verify(@PathVariable("eventID") String eventId) throws SQLException {
        EventVerification.Report report = verification.verify(eventId, viewers.current());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("eventID", report.eventId());
        json.put("status", report.status());
        json.put("verified", report.verified());
        json.put("checks", report.checks());
        json.put("index", report.index());
        json.put("ledger", report.ledger());
        return json;
    }
}
