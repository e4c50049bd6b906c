package org.pharmatrace.hub.channel.sftp;

import java.nio.file.Path;

/**
 * A file taken from a partner folder, as the routes carry it: whose, its name, the local copy it is read from, its
 * size, content SHA-256 and kind, and (once kept) the reference of the stored original.
 */
public final class PartnerFile {

    /** What the file holds, told from its content. */
    public enum Kind {
        SERIAL_CSV("text/csv"), EPCIS_XML("application/xml"), EPCIS_JSON_LD("application/ld+json");

        private final String mediaType;

        Kind(String mediaType) {
            this.mediaType = mediaType;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    private final PartnerFolders.Setup folder;
    private final String name;
    private final Path localCopy;
    private final long size;
    private final String sha256;
    private final Kind kind;
    private String originalReference;

    PartnerFile(PartnerFolders.Setup folder, String name, Path localCopy, long size, String sha256, Kind kind) {
        this.folder = folder;
        this.name = name;
        this.localCopy = localCopy;
        this.size = size;
        this.sha256 = sha256;
        this.kind = kind;
    }

    public PartnerFolders.Setup folder() { return folder; }
    public String partnerId() { return folder.partnerId(); }
    public String name() { return name; }
    public Path localCopy() { return localCopy; }
    public long size() { return size; }
    public String sha256() { return sha256; }
    public Kind kind() { return kind; }
    public String originalReference() { return originalReference; }

    void kept(String reference) {
        this.originalReference = reference;
    }

    @Override
    public String toString() {
        return name + " from " + folder.partnerId() + " (" + size + " bytes, sha256 " + sha256 + ")";
    }
}
