package org.pharmatrace.query.api;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pharmatrace.query.access.QueryAuditLog;
import org.pharmatrace.query.access.Viewers;
import org.pharmatrace.query.epcis.QueryException;
import org.pharmatrace.query.index.EventIndexer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The audit log of regulator queries (read and chain check: regulators and operators) and the index's state and
 * rebuild (operators).
 */
@EpcisQueryApi
@ResponseBody
public class OversightApi {

    private static final Logger LOG = LoggerFactory.getLogger(OversightApi.class);

    private final QueryAuditLog audit;
    private final EventIndexer indexer;
    private final Viewers viewers;

    public OversightApi(QueryAuditLog audit, EventIndexer indexer, Viewers viewers) {
        this.audit = audit;
        this.indexer = indexer;
        this.viewers = viewers;
    }

    @GetMapping("/audit")
    public Map<String, Object> entries(@RequestParam(name = "from", defaultValue = "1") long from,
            @RequestParam(name = "limit", defaultValue = "100") int limit) throws SQLException {
        auditor();
        if (limit < 1 || limit > 10_000) {
            throw QueryException.parameter("limit", "limit is 1 to 10000");
        }
        List<QueryAuditLog.Entry> entries = new ArrayList<>();
        audit.entries(from, limit, entries::add);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", entries.size());
        json.put("entries", entries);
        return json;
    }

    @GetMapping("/audit/verification")
    public Map<String, Object> verifyChain() throws SQLException {
        auditor();
        QueryAuditLog.Verification v = audit.verify();
        // The head is logged on every check: a copy outside the database shows if the newest rows are ever removed.
        LOG.info("query audit chain checked by {}: valid={}, rows={}, head seq={} hash={}", viewers.callerId(),
                v.valid(), v.rows(), v.headSeq(), v.headHash());
        return v.toJson();
    }

    @GetMapping("/index")
    public Map<String, Object> state() throws SQLException {
        if (!viewers.callerIsOperator() && !viewers.callerIsRegulator()) {
            throw QueryException.forbidden("the index's state is for operators and regulators");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("checkpoint", indexer.checkpoint().toString());
        json.put("unindexableEvents", indexer.unindexableCount());
        json.putAll(indexer.status());
        return json;
    }

    @PostMapping("/index/rebuild")
    public Map<String, Object> rebuild(jakarta.servlet.http.HttpServletResponse response) throws SQLException {
        if (!viewers.callerIsOperator()) {
            throw QueryException.forbidden("rebuilding the index is for operators");
        }
        LOG.warn("query index rebuild requested by {}", viewers.callerId());
        indexer.rebuild();
        response.setStatus(202);
        return Map.of("status", "rebuilding", "from", "block 0");
    }

    private void auditor() {
        if (!viewers.callerIsOperator() && !viewers.callerIsRegulator()) {
            throw QueryException.forbidden("the audit log is for regulators and operators");
        }
    }
}
