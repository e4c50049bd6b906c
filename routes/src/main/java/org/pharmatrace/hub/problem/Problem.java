package org.pharmatrace.hub.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 7807 problem, with the EPCIS 2.0 REST binding's types ({@code epcisException:ValidationException}, ...) and
 * extension members that locate what is wrong ({@code errors}: event index, eventID, field, message).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance"})
public class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static final String VALIDATION = "epcisException:ValidationException";
    public static final String SECURITY = "epcisException:SecurityException";
    public static final String CAPTURE_LIMIT = "epcisException:CaptureLimitExceededException";
    public static final String NOT_FOUND = "epcisException:NoSuchResourceException";
    public static final String IMPLEMENTATION = "epcisException:ImplementationException";

    private String type;
    private String title;
    private int status;
    private String detail;
    private String instance;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public Problem() {
    }

    public static Problem of(int status, String type, String title, String detail) {
        Problem p = new Problem();
        p.status = status;
        p.type = type;
        p.title = title;
        p.detail = detail;
        return p;
    }

    public Problem with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public Problem instance(String instance) {
        this.instance = instance;
        return this;
    }

    public String getType() { return type; }
    public String getTitle() { return title; }
    public int getStatus() { return status; }
    public String getDetail() { return detail; }
    public String getInstance() { return instance; }

    @JsonAnyGetter
    public Map<String, Object> getExtensions() { return extensions; }

    @JsonAnySetter
    void setExtension(String name, Object value) { extensions.put(name, value); }

    void setType(String type) { this.type = type; }
    void setTitle(String title) { this.title = title; }
    void setStatus(int status) { this.status = status; }
    void setDetail(String detail) { this.detail = detail; }
    void setInstance(String instance) { this.instance = instance; }
}
