package org.pharmatrace.hub.channel.sftp;

import static org.pharmatrace.hub.channel.sftp.SftpRouteConfigurations.PARTNER_FILE;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Contract manufacturers' files over SFTP: one polling route per partner folder ({@code sftp-poll-<partner>}),
 * then the same steps for every file: take it in (local copy, SHA-256, kind), skip content processed before, keep
 * the original, read it through (refused whole at the first error), ingest it, remember it. The file then moves to
 * the done folder, or, refused, to the error folder with a {@code .reason} file (see {@link SftpRouteConfigurations}).
 * When the hub itself cannot work (Kafka down), the file stays where it is and is taken again at a later poll.
 */
@Component
public class SftpPartnerFileRoutes extends RouteBuilder {

    private final PartnerFolders folders;
    private final SftpChannelProperties properties;
    private final PartnerFiles files;
    private final ProcessedFiles processed;
    private final PartnerFileIngest ingest;
    private final PartnerFileRejections rejections;

    public SftpPartnerFileRoutes(PartnerFolders folders, SftpChannelProperties properties, PartnerFiles files,
                                 ProcessedFiles processed, PartnerFileIngest ingest, PartnerFileRejections rejections) {
        this.folders = folders;
        this.properties = properties;
        this.files = files;
        this.processed = processed;
        this.ingest = ingest;
        this.rejections = rejections;
    }

    @Override
    public void configure() {
        for (PartnerFolders.Setup folder : folders.all()) {
            from(folder.pollUri()).routeId(folder.routeId()).routeConfigurationId(PARTNER_FILE)
                    .setHeader(PartnerFileHeaders.PARTNER, constant(folder.partnerId()))
                    .setHeader(PartnerFileHeaders.OUTCOME_FOLDER, constant(properties.doneFolder()))
                    .setHeader(PartnerFileHeaders.ERROR_FOLDER_URI, constant(folder.errorFolderUri()))
                    .to("direct:sftp-take-in-partner-file");
        }

        from("direct:sftp-take-in-partner-file").routeId("sftp-take-in-partner-file").errorHandler(noErrorHandler())
                .log("${header.CamelFileName} from ${header." + PartnerFileHeaders.PARTNER + "}: picked up")
                .bean(files, "receive")
                .choice()
                    .when(method(processed, "isProcessed"))
                        .log("${header.CamelFileName}: already processed; it goes to the done folder")
                    .otherwise()
                        .bean(files, "keepOriginal")
                        .choice()
                            .when(method(files, "isSerialFile"))
                                .to("direct:sftp-ingest-serial-file")
                            .otherwise()
                                .to("direct:sftp-ingest-epcis-file")
                        .end()
                        .bean(processed, "remember")
                .end();

        from("direct:sftp-ingest-serial-file").routeId("sftp-ingest-serial-file").errorHandler(noErrorHandler())
                .bean(ingest, "checkSerialFile")
                .bean(ingest, "ingestSerialFile");

        from("direct:sftp-ingest-epcis-file").routeId("sftp-ingest-epcis-file").errorHandler(noErrorHandler())
                .bean(ingest, "checkEpcisFile")
                .bean(ingest, "ingestEpcisFile");

        // A refused file: into the DLQ, its .reason beside it in the error folder, where it moves on completion.
        from("direct:sftp-refuse-partner-file").routeId("sftp-refuse-partner-file").errorHandler(noErrorHandler())
                .bean(rejections, "deadLetter")
                .setProperty("hubSftpFileName", header(Exchange.FILE_NAME))
                .setHeader(Exchange.FILE_NAME, simple("${header.CamelFileNameOnly}.reason"))
                .toD("${header." + PartnerFileHeaders.ERROR_FOLDER_URI + "}")
                .setHeader(Exchange.FILE_NAME, exchangeProperty("hubSftpFileName"))
                .setHeader(PartnerFileHeaders.OUTCOME_FOLDER, constant(properties.errorFolder()));
    }
}
