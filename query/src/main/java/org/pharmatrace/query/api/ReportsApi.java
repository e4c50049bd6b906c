package org.pharmatrace.query.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.Map;
import org.pharmatrace.query.access.Viewer;
import org.pharmatrace.query.access.Viewers;
import org.pharmatrace.query.epcis.QueryException;
import org.pharmatrace.query.report.CustodyReport;
import org.pharmatrace.query.report.RecallReach;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Regulator reports: the chain of custody of a serial and the reach of a lot recall. Regulators only; audited. */
@EpcisQueryApi
@ResponseBody
public class ReportsApi {

    private final CustodyReport custody;
    private final RecallReach recall;
    private final Viewers viewers;

    public ReportsApi(CustodyReport custody, RecallReach recall, Viewers viewers) {
        this.custody = custody;
        this.recall = recall;
        this.viewers = viewers;
    }

    @GetMapping("/reports/custody/{epc}")
    public Map<String, Object> custody(@PathVariable("epc") String epc) throws SQLException {
        regulator();
        return custody.report(epc);
    }

    @GetMapping("/reports/recall-reach")
    public void recallReach(@RequestParam(name = "gtin", required = false) String gtin,
            @RequestParam(name = "lot", required = false) String lot, HttpServletResponse response)
            throws SQLException, IOException {
        regulator();
        RecallReach.validate(gtin, lot);
        response.setContentType("application/json");
        try (OutputStream out = new BufferedOutputStream(response.getOutputStream(), 8192)) {
            recall.write(gtin, lot, out);
        }
    }

    private void regulator() {
        Viewer viewer = viewers.current();
        if (!viewer.isRegulator()) {
            throw QueryException.forbidden("reports are for regulators");
        }
    }
}
