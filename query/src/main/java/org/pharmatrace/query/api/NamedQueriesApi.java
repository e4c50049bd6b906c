package org.pharmatrace.query.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pharmatrace.query.access.Viewer;
import org.pharmatrace.query.access.Viewers;
import org.pharmatrace.query.epcis.QueryException;
import org.pharmatrace.query.subscription.NamedQueries;
import org.pharmatrace.query.subscription.Subscriptions;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Named queries and their webhook subscriptions (EPCIS 2.0 REST {@code /queries}). A query and its subscriptions
 * belong to the caller who created them; results are always what that caller may see.
 */
@EpcisQueryApi
@ResponseBody
public class NamedQueriesApi {

    /** Parameters of {@code GET /queries/{name}/events} besides paging: the WebSocket subscription controls. */
    private static final List<String> WEBSOCKET = List.of("stream", "second", "minute", "hour", "dayOfMonth", "month",
            "dayOfWeek", "reportIfEmpty", "initialRecordTime");

    private final NamedQueries queries;
    private final Subscriptions subscriptions;
    private final Viewers viewers;
    private final EventsApi events;

    public NamedQueriesApi(NamedQueries queries, Subscriptions subscriptions, Viewers viewers, EventsApi events) {
        this.queries = queries;
        this.subscriptions = subscriptions;
        this.viewers = viewers;
        this.events = events;
    }

    @PostMapping("/queries")
    public Map<String, Object> create(@RequestBody JsonNode body, HttpServletResponse response) throws SQLException {
        Viewer viewer = viewers.current();
        if (body == null || !body.isObject() || !body.hasNonNull("name") || !body.has("query")) {
            throw QueryException.validation("send {\"name\": ..., \"query\": {EPCIS query parameters}}", "query");
        }
        NamedQueries.NamedQuery created = queries.create(viewer, body.get("name").asText(), body.get("query"));
        response.setStatus(201);
        response.setHeader("Location", "/queries/" + created.name());
        return json(created);
    }

    @GetMapping("/queries")
    public List<Map<String, Object>> list(HttpServletRequest request) throws SQLException {
        Viewer viewer = viewers.current();
        EventsApi.rejectQueryParameters(request, EventsApi.PAGING);
        List<Map<String, Object>> all = new ArrayList<>();
        for (NamedQueries.NamedQuery q : queries.list(viewer)) {
            all.add(json(q));
        }
        return all;
    }

    @GetMapping("/queries/{name}")
    public Map<String, Object> get(@PathVariable("name") String name) throws SQLException {
        return json(queries.get(viewers.current(), name));
    }

    @DeleteMapping("/queries/{name}")
    public void delete(@PathVariable("name") String name, HttpServletResponse response) throws SQLException {
        queries.delete(viewers.current(), name);
        response.setStatus(204);
    }

    @GetMapping("/queries/{name}/events")
    public void run(@PathVariable("name") String name, HttpServletRequest request, HttpServletResponse response)
            throws SQLException, IOException {
        Viewer viewer = viewers.current();
        NamedQueries.NamedQuery query = queries.get(viewer, name);
        String upgrade = request.getHeader("Upgrade");
        if (upgrade != null && upgrade.toLowerCase(java.util.Locale.ROOT).contains("websocket")) {
            throw new QueryException(501, "epcisException:ImplementationException", "Not implemented",
                    "WebSocket subscriptions are not offered; subscribe with a webhook (POST /queries/" + name
                            + "/subscriptions)", "Upgrade");
        }
        List<String> allowed = new ArrayList<>(EventsApi.PAGING);
        allowed.addAll(WEBSOCKET);
        EventsApi.rejectQueryParameters(request, allowed);
        events.answer(queries.compile(query), viewer, name, request, response);
    }

    @PostMapping("/queries/{name}/subscriptions")
    public Map<String, Object> subscribe(@PathVariable("name") String name, @RequestBody JsonNode body,
            HttpServletResponse response) throws SQLException {
        Subscriptions.Subscription s = subscriptions.create(viewers.current(), name, body);
        response.setStatus(201);
        response.setHeader("Location", "/queries/" + name + "/subscriptions/" + s.id());
        return s.toJson();
    }

    @GetMapping("/queries/{name}/subscriptions")
    public List<Map<String, Object>> subscriptions(@PathVariable("name") String name, HttpServletRequest request)
            throws SQLException {
        EventsApi.rejectQueryParameters(request, EventsApi.PAGING);
        return subscriptions.list(viewers.current(), name).stream().map(Subscriptions.Subscription::toJson).toList();
    }

    @GetMapping("/queries/{name}/subscriptions/{id}")
    public Map<String, Object> subscription(@PathVariable("name") String name, @PathVariable("id") String id)
            throws SQLException {
        return subscriptions.get(viewers.current(), name, id).toJson();
    }

    @DeleteMapping("/queries/{name}/subscriptions/{id}")
    public void unsubscribe(@PathVariable("name") String name, @PathVariable("id") String id,
            HttpServletResponse response) throws SQLException {
        subscriptions.delete(viewers.current(), name, id);
        response.setStatus(204);
    }

    @RequestMapping(method = RequestMethod.OPTIONS, path = {"/queries", "/queries/{name}", "/queries/{name}/events",
            "/queries/{name}/subscriptions", "/queries/{name}/subscriptions/{id}"})
    public void discovery(HttpServletRequest request, HttpServletResponse response) {
        String path = request.getRequestURI();
        response.setHeader("Allow", path.equals("/queries") ? "GET, POST, OPTIONS"
                : path.endsWith("/subscriptions") ? "GET, POST, OPTIONS"
                : path.endsWith("/events") ? "GET, OPTIONS" : "GET, DELETE, OPTIONS");
        response.setHeader("GS1-Extensions", "");
        response.setStatus(204);
    }

    private static Map<String, Object> json(NamedQueries.NamedQuery q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", q.name());
        m.put("query", q.definition());
        m.put("createdAt", q.createdAt().toString());
        return m;
    }
}
