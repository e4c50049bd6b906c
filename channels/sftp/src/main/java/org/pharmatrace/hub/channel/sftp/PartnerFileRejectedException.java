package org.pharmatrace.hub.channel.sftp;

/**
 * A partner file the hub will not take, for a reason in the file itself: it moves to the error folder with a
 * {@code .reason} file that says where ({@code line 7}, {@code event 3}, {@code file}), a code and what is wrong.
 */
public class PartnerFileRejectedException extends RuntimeException {

    private final String location;
    private final String code;
    private final String stage;
    private final String captureId;

    /**
     * @param location where in the file, e.g. "line 7"; "file" for the file as a whole
     * @param code short machine-readable reason, e.g. BAD_CHECK_DIGIT
     * @param stage the DLQ stage: validation (content), authorisation (nothing the partner may claim), store
     * @param captureId the capture job whose events were all dead-lettered already, else null
     */
    public PartnerFileRejectedException(String location, String code, String message, String stage, String captureId,
                                        Throwable cause) {
        super(location + ": " + message, cause);
        this.location = location;
        this.code = code;
        this.stage = stage;
        this.captureId = captureId;
    }

    public String location() { return location; }
    public String code() { return code; }
    public String stage() { return stage; }
    public String captureId() { return captureId; }

    /** The message without its location. */
    public String detail() {
        String message = getMessage();
        return message.startsWith(location + ": ") ? message.substring(location.length() + 2) : message;
    }
}
