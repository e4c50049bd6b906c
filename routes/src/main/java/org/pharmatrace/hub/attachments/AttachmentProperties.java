package org.pharmatrace.hub.attachments;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code hub.attachments}: how large the files sent with EPCIS events may be. (The attachment records'
 * topic is {@code hub.kafka.topics.attachments}, beside the other topics.)
 *
 * @param maxSize one attachment, on {@code POST /attachments} or as one part of a multipart capture: 413 beyond
 * @param maxCaptureSize a whole multipart capture (document and every file): 413 beyond
 * @param maxParts files per multipart capture
 */
@ConfigurationProperties("hub.attachments")
public record AttachmentProperties(
        @DefaultValue("25MB") DataSize maxSize,
        @DefaultValue("100MB") DataSize maxCaptureSize,
        @DefaultValue("20") int maxParts) {
}
