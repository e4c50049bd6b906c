package org.pharmatrace.hub.channel.as2;

import com.helger.as2lib.client.AS2Client;
import com.helger.as2lib.client.AS2ClientRequest;
import com.helger.as2lib.client.AS2ClientResponse;
import com.helger.mail.cte.EContentTransferEncoding;
import com.helger.as2lib.client.AS2ClientSettings;
import com.helger.as2lib.crypto.ECompressionType;
import com.helger.as2lib.crypto.ECryptoAlgorithmCrypt;
import com.helger.as2lib.crypto.ECryptoAlgorithmSign;
import com.helger.as2lib.crypto.IMICMatchingHandler;
import com.helger.as2lib.message.IMessage;
import com.helger.security.keystore.EKeyStoreType;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.core5.util.Timeout;
import org.pharmatrace.hub.channel.as2.TestPki.Identity;

/**
 * The partner's side, played by an independent AS2 implementation (phax as2-lib): it signs with its own key,
 * encrypts to the hub's certificate, asks for a signed MDN, verifies the MDN's signature with the hub's
 * certificate and compares the MIC the hub returns with its own.
 */
final class As2LibPartner {

    /** What to send and how. */
    record Sending(String as2From, Identity signer, boolean sign, boolean encrypt, boolean compress,
                   String asyncMdnUrl, boolean binaryEncoded) {
        static Sending signedAndEncrypted(String as2From, Identity signer) {
            return new Sending(as2From, signer, true, true, false, null, false);
        }

        Sending unsigned() {
            return new Sending(as2From, signer, false, encrypt, compress, asyncMdnUrl, binaryEncoded);
        }

        Sending unencrypted() {
            return new Sending(as2From, signer, sign, false, compress, asyncMdnUrl, binaryEncoded);
        }

        Sending compressed() {
            return new Sending(as2From, signer, sign, encrypt, true, asyncMdnUrl, binaryEncoded);
        }

        /**
         * Content-Transfer-Encoding binary for the document part (RFC 4130's advice); as2-lib otherwise chose 7bit
         * for an unencrypted message, whose signature then did not verify at the hub.
         */
        Sending inBinary() {
            return new Sending(as2From, signer, sign, encrypt, compress, asyncMdnUrl, true);
        }

        Sending asyncMdnTo(String url) {
            return new Sending(as2From, signer, sign, encrypt, compress, url, binaryEncoded);
        }
    }

    /** The MDN as as2-lib understood it: disposition, text, who signed it, whether the MIC matched. */
    record Receipt(AS2ClientResponse response, Boolean micMatched) {
        /** The disposition without white space, lower case: {@code automatic-action/mdn-sent-automatically;processed}. */
        String disposition() {
            String disposition = response.getMDNDisposition();
            return disposition == null ? null : disposition.replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
        }

        String text() {
            return response.getMDNText();
        }

        X509Certificate signer() {
            return response.getMDNVerificationCertificate();
        }
    }

    private final String hubUrl;
    private final String hubAs2Id;
    private final Identity hub;

    As2LibPartner(String hubUrl, String hubAs2Id, Identity hub) {
        this.hubUrl = hubUrl;
        this.hubAs2Id = hubAs2Id;
        this.hub = hub;
    }

    Receipt send(Sending sending, byte[] document, String contentType) throws Exception {
        AS2ClientSettings settings = new AS2ClientSettings();
        settings.setKeyStore(EKeyStoreType.PKCS12, TestPki.keystore(sending.signer()), TestPki.PASSWORD);
        settings.setSenderData(sending.as2From(), "as2@partner.example", sending.signer().alias());
        settings.setReceiverData(hubAs2Id, "pharmatrace-hub", hubUrl);
        settings.setReceiverCertificate(hub.certificate());
        settings.setPartnershipName(sending.as2From() + "-" + hubAs2Id);
        settings.setEncryptAndSign(sending.encrypt() ? ECryptoAlgorithmCrypt.CRYPT_AES128_CBC : null,
                sending.sign() ? ECryptoAlgorithmSign.DIGEST_SHA_256 : null);
        if (sending.compress()) {
            // compressed after signing: camel-as2 computes the MIC over the uncompressed document, which is the
            // signed content only in this order (RFC 5402 section 4)
            settings.setCompress(ECompressionType.ZLIB, false);
        }
        settings.setMDNRequested(true);
        settings.setMDNOptions("signed-receipt-protocol=optional, pkcs7-signature; signed-receipt-micalg=optional, sha-256");
        if (sending.asyncMdnUrl() != null) {
            settings.setAsyncMDNUrl(sending.asyncMdnUrl());
        }
        settings.setRetryCount(0);
        if (Boolean.getBoolean("as2.dump")) { // -DargLine=-Das2.dump=true shows what the hub answers
            settings.setHttpIncomingDumper(new com.helger.as2lib.util.dump.HTTPIncomingDumperStreamBased(System.out));
        }
        settings.setResponseTimeout(Timeout.ofSeconds(60));
        AtomicReference<Boolean> mic = new AtomicReference<>();
        settings.setMICMatchingHandler(new IMICMatchingHandler() {
            @Override
            public void onMICMatch(IMessage message, String received) {
                mic.set(true);
            }

            @Override
            public void onMICMismatch(IMessage message, String original, String received) {
                mic.set(false);
            }
        });
        AS2ClientRequest request = new AS2ClientRequest("advance ship notice").setData(document)
                .setContentType(contentType);
        if (sending.binaryEncoded()) {
            request.setContentTransferEncoding(EContentTransferEncoding.BINARY);
        }
        AS2ClientResponse response = new AS2Client().sendSynchronous(settings, request);
        return new Receipt(response, mic.get());
    }
}
