package org.pharmatrace.hub.channel.sftp;

/** Names of the message headers and exchange properties the SFTP routes share. */
public final class PartnerFileHeaders {

    /** The hub partner id whose folder the file came from. */
    public static final String PARTNER = "hubSftpPartner";
    /** The sub-folder the file moves to when its exchange completes: the done or the error folder. */
    public static final String OUTCOME_FOLDER = "hubSftpOutcomeFolder";
    /** The Camel URI of the partner's error folder, where the .reason file is written. */
    public static final String ERROR_FOLDER_URI = "hubSftpErrorFolderUri";
    /** Exchange property: the {@link PartnerFile} being processed. */
    public static final String PARTNER_FILE = "hubSftpPartnerFile";

    private PartnerFileHeaders() {
    }
}
