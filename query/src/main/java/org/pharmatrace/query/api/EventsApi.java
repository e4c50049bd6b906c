package org.pharmatrace.query.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pharmatrace.epcis.cbv.CbvVocabulary;
import org.pharmatrace.epcis.cbv.EpcisNamespaces;
import org.pharmatrace.gs1.Gs1KeyType;
import org.pharmatrace.query.QueryProperties;
import org.pharmatrace.query.access.Viewer;
import org.pharmatrace.query.access.Viewers;
import org.pharmatrace.query.epcis.EventExport;
import org.pharmatrace.query.epcis.EventQueries;
import org.pharmatrace.query.epcis.EventQuery;
import org.pharmatrace.query.epcis.IndexedEvent;
import org.pharmatrace.query.epcis.PageTokens;
import org.pharmatrace.query.epcis.QueryException;
import org.pharmatrace.query.epcis.QueryParameters;
import org.pharmatrace.query.epcis.ResourceLists;
import org.pharmatrace.query.index.Identifiers;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriUtils;
import com.fasterxml.jackson.databind.ObjectMapper;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The EPCIS 2.0 REST binding's query resources: {@code GET /events} with the SimpleEventQuery parameters,
 * {@code /events/{eventID}}, and the top-level resources ({@code /eventTypes}, {@code /epcs}, {@code /bizSteps},
 * {@code /bizLocations}, {@code /readPoints}, {@code /dispositions}) with their {@code .../events}. Answers are
 * EPCISQueryDocuments streamed from the index, cut to what the caller may see.
 */
@EpcisQueryApi
@ResponseBody
public class EventsApi {

    static final List<String> PAGING = List.of("perPage", "nextPageToken");
    static final String CONTEXT = EpcisNamespaces.EPCIS_JSONLD_CONTEXT;
    private static final List<String> EVENT_TYPES = List.of("AggregationEvent", "AssociationEvent", "ObjectEvent",
            "TransactionEvent", "TransformationEvent");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventQueries queries;
    private final ResourceLists resources;
    private final Viewers viewers;
    private final QueryProperties properties;
    private final EventExport.EpcFormat defaultEpcFormat;

    public EventsApi(EventQueries queries, ResourceLists resources, Viewers viewers, QueryProperties properties) {
        this.queries = queries;
        this.resources = resources;
        this.viewers = viewers;
        this.properties = properties;
        EventExport.EpcFormat format = EventExport.EpcFormat.of(properties.defaultEpcFormat());
        if (format == null) {
            throw new IllegalStateException("hub.query.default-epc-format: '" + properties.defaultEpcFormat()
                    + "' is not No_Preference, Always_GS1_Digital_Link, Always_EPC_URN or Never_Translates");
        }
        this.defaultEpcFormat = format;
    }

    @GetMapping("/events")
    public void events(HttpServletRequest request, HttpServletResponse response) throws IOException, SQLException {
        Viewer viewer = viewers.current();
        EventQuery query = EventQuery.compile(QueryParameters.fromUrl(request.getParameterMap(), PAGING),
                properties.namespaces());
        answer(query, viewer, null, request, response);
    }

    @GetMapping("/events/{eventID}")
    public void event(@PathVariable("eventID") String eventId, HttpServletRequest request, HttpServletResponse response)
            throws IOException, SQLException {
        Viewer viewer = viewers.current();
        rejectQueryParameters(request, List.of());
        EventQuery query = EventQuery.compile(QueryParameters.fromUrl(Map.of(), List.of()), Map.of()).and("EQ_eventID", eventId);
        EventExport.Syntax syntax = QueryHeaders.syntax(request);
        EventExport.EpcFormat epcFormat = QueryHeaders.epcFormat(request, defaultEpcFormat);
        EventExport.CbvFormat cbvFormat = QueryHeaders.cbvFormat(request);
        // One event: held until it is known to exist, so that a miss is a clean 404.
        List<IndexedEvent> found = new ArrayList<>(1);
        queries.all(query, viewer, new EventQueries.EventSink() {
            @Override
            public void accept(IndexedEvent event) {
                found.add(event);
            }

            @Override
            public void close() {
            }
        });
        if (found.isEmpty()) {
            throw QueryException.noSuchResource("no event " + eventId + " that you may see");
        }
        response.setContentType(QueryHeaders.contentType(request, syntax));
        response.setHeader("GS1-EPC-Format", epcFormat.header);
        try (OutputStream out = new BufferedOutputStream(response.getOutputStream(), 8192);
             EventExport export = new EventExport(out, syntax, epcFormat, cbvFormat, null, null)) {
            export.write(found.get(0));
        }
    }

    @DeleteMapping("/nextPageToken/{token}")
    public void releaseToken(@PathVariable("token") String token, HttpServletResponse response) {
        viewers.current();
        // Tokens are signed cursors: the hub holds nothing for them, so there is nothing to release.
        response.setStatus(204);
    }

    // ------------------------------------------------------------------ top-level resources

    @GetMapping("/")
    public void topLevel(HttpServletRequest request, HttpServletResponse response) throws IOException {
        viewers.current();
        // capture is the hub's too (routes): the binding's top-level list has all nine
        write(request, response, List.of("queries", "capture", "events", "eventTypes", "epcs", "readPoints",
                "bizLocations", "dispositions", "bizSteps"));
    }

    @GetMapping("/eventTypes")
    public void eventTypes(HttpServletRequest request, HttpServletResponse response) throws IOException {
        viewers.current();
        rejectQueryParameters(request, PAGING);
        write(request, response, EVENT_TYPES);
    }

    @GetMapping("/eventTypes/{eventType}")
    public void eventType(@PathVariable("eventType") String eventType, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        viewers.current();
        if (!EVENT_TYPES.contains(eventType)) {
            throw QueryException.noSuchResource("no event type " + eventType);
        }
        write(request, response, List.of("events"));
    }

    @GetMapping("/eventTypes/{eventType}/events")
    public void eventTypeEvents(@PathVariable("eventType") String eventType, HttpServletRequest request,
            HttpServletResponse response) throws IOException, SQLException {
        resourceEvents("eventType", eventType, request, response);
    }

    @GetMapping("/epcs")
    public void epcs(HttpServletRequest request, HttpServletResponse response) throws SQLException, IOException {
        values(ResourceLists.Resource.EPCS, request, response);
    }

    @GetMapping("/epcs/{epc}")
    public void epc(@PathVariable("epc") String epc, HttpServletRequest request, HttpServletResponse response)
            throws SQLException, IOException {
        resource(ResourceLists.Resource.EPCS, Identifiers.key(epc), epc);
        write(request, response, List.of("events"));
    }

    @GetMapping("/epcs/{epc}/events")
    public void epcEvents(@PathVariable("epc") String epc, HttpServletRequest request, HttpServletResponse response)
            throws IOException, SQLException {
        boolean classLevel = epc.startsWith("urn:epc:class:") || epc.startsWith("urn:epc:idpat:")
                || Identifiers.gs1Key(epc).map(k -> k.type() == Gs1KeyType.LGTIN || k.type() == Gs1KeyType.GTIN).orElse(false);
        resourceEvents(classLevel ? "MATCH_anyEPCClass" : "MATCH_anyEPC", epc, request, response);
    }

    @GetMapping("/bizSteps")
    public void bizSteps(HttpServletRequest request, HttpServletResponse response) throws SQLException, IOException {
        values(ResourceLists.Resource.BIZ_STEPS, request, response);
    }

    @GetMapping("/bizSteps/{bizStep}")
    public void bizStep(@PathVariable("bizStep") String bizStep, HttpServletRequest request, HttpServletResponse response)
            throws SQLException, IOException {
        resource(ResourceLists.Resource.BIZ_STEPS, CbvVocabulary.BIZ_STEP.toUrn(bizStep), bizStep);
        write(request, response, List.of("events"));
    }

    @GetMapping("/bizSteps/{bizStep}/events")
    public void bizStepEvents(@PathVariable("bizStep") String bizStep, HttpServletRequest request,
            HttpServletResponse response) throws IOException, SQLException {
        resourceEvents("EQ_bizStep", bizStep, request, response);
    }

    @GetMapping("/dispositions")
    public void dispositions(HttpServletRequest request, HttpServletResponse response) throws SQLException, IOException {
        values(ResourceLists.Resource.DISPOSITIONS, request, response);
    }

    @GetMapping("/dispositions/{disposition}")
    public void disposition(@PathVariable("disposition") String disposition, HttpServletRequest request, HttpServletResponse response)
            throws SQLException, IOException {
        resource(ResourceLists.Resource.DISPOSITIONS, CbvVocabulary.DISPOSITION.toUrn(disposition), disposition);
        write(request, response, List.of("events"));
    }

    @GetMapping("/dispositions/{disposition}/events")
    public void dispositionEvents(@PathVariable("disposition") String disposition, HttpServletRequest request,
            HttpServletResponse response) throws IOException, SQLException {
        resourceEvents("EQ_disposition", disposition, request, response);
    }

    @GetMapping("/bizLocations")
    public void bizLocations(HttpServletRequest request, HttpServletResponse response) throws SQLException, IOException {
        values(ResourceLists.Resource.BIZ_LOCATIONS, request, response);
    }

    @GetMapping("/bizLocations/{bizLocation}")
    public void bizLocation(@PathVariable("bizLocation") String bizLocation, HttpServletRequest request, HttpServletResponse response)
            throws SQLException, IOException {
        resource(ResourceLists.Resource.BIZ_LOCATIONS, Identifiers.key(bizLocation), bizLocation);
        write(request, response, List.of("events"));
    }

    @GetMapping("/bizLocations/{bizLocation}/events")
    public void bizLocationEvents(@PathVariable("bizLocation") String bizLocation, HttpServletRequest request,
            HttpServletResponse response) throws IOException, SQLException {
        resourceEvents("EQ_bizLocation", bizLocation, request, response);
    }

    @GetMapping("/readPoints")
    public void readPoints(HttpServletRequest request, HttpServletResponse response) throws SQLException, IOException {
        values(ResourceLists.Resource.READ_POINTS, request, response);
    }

    @GetMapping("/readPoints/{readPoint}")
    public void readPoint(@PathVariable("readPoint") String readPoint, HttpServletRequest request, HttpServletResponse response)
            throws SQLException, IOException {
        resource(ResourceLists.Resource.READ_POINTS, Identifiers.key(readPoint), readPoint);
        write(request, response, List.of("events"));
    }

    @GetMapping("/readPoints/{readPoint}/events")
    public void readPointEvents(@PathVariable("readPoint") String readPoint, HttpServletRequest request,
            HttpServletResponse response) throws IOException, SQLException {
        resourceEvents("EQ_readPoint", readPoint, request, response);
    }

    /** Discovery (OPTIONS) on every query resource: the methods and the EPCIS/CBV versions spoken. */
    @RequestMapping(method = RequestMethod.OPTIONS, path = {"/", "/events", "/events/{eventID}", "/eventTypes",
            "/eventTypes/{t}", "/eventTypes/{t}/events", "/epcs", "/epcs/{r}", "/epcs/{r}/events", "/bizSteps",
            "/bizSteps/{r}", "/bizSteps/{r}/events", "/bizLocations", "/bizLocations/{r}", "/bizLocations/{r}/events",
            "/readPoints", "/readPoints/{r}", "/readPoints/{r}/events", "/dispositions", "/dispositions/{r}",
            "/dispositions/{r}/events"})
    public void discovery(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Allow", request.getRequestURI().equals("/events") ? "GET, POST, OPTIONS" : "GET, OPTIONS");
        response.setHeader("GS1-EPC-Format", "No_Preference");
        response.setHeader("GS1-CBV-XML-Format", "No_Preference");
        response.setHeader("GS1-Extensions", "");
        response.setStatus(204);
    }

    // ------------------------------------------------------------------ shared

    private void resourceEvents(String parameter, String value, HttpServletRequest request, HttpServletResponse response)
            throws IOException, SQLException {
        Viewer viewer = viewers.current();
        EventQuery query = EventQuery.compile(QueryParameters.fromUrl(request.getParameterMap(), PAGING),
                properties.namespaces()).and(parameter, value);
        answer(query, viewer, null, request, response);
    }

    /** Streams one page of a query's answer, with the Link header to the next page when there is one. */
    void answer(EventQuery query, Viewer viewer, String queryName, HttpServletRequest request,
            HttpServletResponse response) throws IOException, SQLException {
        EventExport.Syntax syntax = QueryHeaders.syntax(request);
        EventExport.EpcFormat epcFormat = QueryHeaders.epcFormat(request, defaultEpcFormat);
        EventExport.CbvFormat cbvFormat = QueryHeaders.cbvFormat(request);
        int perPage = perPage(request);
        String token = request.getParameter("nextPageToken");
        queries.page(query, viewer, perPage, token, (next, expiry) -> {
            response.setStatus(200);
            response.setContentType(QueryHeaders.contentType(request, syntax));
            response.setHeader("GS1-EPC-Format", epcFormat.header);
            if (next != null) {
                response.setHeader("Link", "<" + nextPageUrl(request, next) + ">; rel=\"next\"");
                response.setHeader("GS1-Next-Page-Token-Expires", httpDate(expiry));
            }
            OutputStream out = new BufferedOutputStream(response.getOutputStream(), 8192);
            EventExport export = new EventExport(out, syntax, epcFormat, cbvFormat, queryName, null);
            return new EventQueries.EventSink() {
                @Override
                public void accept(IndexedEvent event) {
                    export.write(event);
                }

                @Override
                public void close() throws IOException {
                    export.close();
                    out.flush();
                }
            };
        });
    }

    int perPage(HttpServletRequest request) {
        String value = request.getParameter("perPage");
        if (value == null) {
            return properties.paging().defaultPerPage();
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                // The binding lets a repository cap perPage; a larger value gets the cap, with a Link to the rest.
                return Math.min(n, properties.paging().maxPerPage());
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw QueryException.parameter("perPage", "perPage must be a positive integer, not '" + value + "'");
    }

    private void values(ResourceLists.Resource resource, HttpServletRequest request,
            HttpServletResponse response) throws SQLException, IOException {
        Viewer viewer = viewers.current();
        rejectQueryParameters(request, PAGING);
        int perPage = perPage(request);
        String canonical = "resource:" + resource;
        String token = request.getParameter("nextPageToken");
        String after = token == null ? null : queries.tokens().read(token, viewer.id(), canonical).value();
        List<String> values = resources.values(resource, viewer, after, perPage + 1);
        if (values.size() > perPage) {
            values = values.subList(0, perPage);
            Instant expiry = queries.tokens().expiry();
            String next = queries.tokens().issue(PageTokens.Cursor.after(values.get(perPage - 1)), viewer.id(),
                    canonical, expiry);
            response.setHeader("Link", "<" + nextPageUrl(request, next) + ">; rel=\"next\"");
            response.setHeader("GS1-Next-Page-Token-Expires", httpDate(expiry));
        }
        EventExport.EpcFormat format = QueryHeaders.epcFormat(request, defaultEpcFormat);
        List<String> members = new ArrayList<>(values.size());
        for (String value : values) {
            members.add(switch (resource) {
                case BIZ_STEPS -> CbvVocabulary.BIZ_STEP.toBareName(value);
                case DISPOSITIONS -> CbvVocabulary.DISPOSITION.toBareName(value);
                default -> format == EventExport.EpcFormat.ALWAYS_EPC_URN && Identifiers.urn(value) != null
                        ? Identifiers.urn(value) : value;
            });
        }
        write(request, response, members);
    }

    private void resource(ResourceLists.Resource resource, String key, String given) throws SQLException {
        Viewer viewer = viewers.current();
        if (!resources.exists(resource, viewer, key)) {
            throw QueryException.noSuchResource("nothing named " + given + " in the events you may see");
        }
    }

    /** A Collection resource, in JSON(-LD) or, when the client asks for XML, as a plain XML rendering of it. */
    private void write(HttpServletRequest request, HttpServletResponse response, List<String> members) throws IOException {
        EventExport.Syntax syntax = QueryHeaders.syntax(request);
        response.setContentType(QueryHeaders.contentType(request, syntax));
        OutputStream out = response.getOutputStream();
        if (syntax == EventExport.Syntax.JSON_LD) {
            JSON.writeValue(out, collection(members));
            return;
        }
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("Collection");
            for (String member : members) {
                xml.writeStartElement("member");
                xml.writeCharacters(member);
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    static Map<String, Object> collection(List<String> members) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@context", CONTEXT);
        body.put("type", "Collection");
        body.put("member", members);
        return body;
    }

    static void rejectQueryParameters(HttpServletRequest request, List<String> allowed) {
        for (String name : request.getParameterMap().keySet()) {
            if (!allowed.contains(name)) {
                throw QueryException.parameter(name, "'" + name + "' is not a parameter of " + request.getRequestURI());
            }
        }
    }

    /** This request's URL with the nextPageToken replaced. */
    static String nextPageUrl(HttpServletRequest request, String token) {
        StringBuilder url = new StringBuilder(request.getRequestURI());
        String query = request.getQueryString();
        char separator = '?';
        if (query != null) {
            for (String part : query.split("&")) {
                if (!part.isEmpty() && !part.startsWith("nextPageToken=")) {
                    url.append(separator).append(part);
                    separator = '&';
                }
            }
        }
        url.append(separator).append("nextPageToken=").append(UriUtils.encodeQueryParam(token, "UTF-8"));
        return url.toString();
    }

    static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
