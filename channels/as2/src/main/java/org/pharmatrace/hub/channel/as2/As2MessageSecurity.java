package org.pharmatrace.hub.channel.as2;

import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import org.apache.camel.component.as2.api.entity.ApplicationEntity;
import org.apache.camel.component.as2.api.entity.ApplicationPkcs7MimeCompressedDataEntity;
import org.apache.camel.component.as2.api.entity.ApplicationPkcs7MimeEnvelopedDataEntity;
import org.apache.camel.component.as2.api.entity.MimeEntity;
import org.apache.camel.component.as2.api.entity.MultipartSignedEntity;
import org.apache.camel.component.as2.api.util.SigningUtils;
import org.apache.hc.core5.http.HttpException;
import org.bouncycastle.cms.jcajce.ZlibExpanderProvider;

/**
 * What protection an AS2 message came with, found by unwrapping it layer by layer: encryption (to our key),
 * signature (and whether it verifies against the partner's certificate), compression, and the media type of the
 * document inside.
 */
public record As2MessageSecurity(boolean encrypted, boolean signed, boolean signatureValid, boolean compressed,
                                 String documentMediaType) {

    /** Unwraps the parsed request entity. */
    public static As2MessageSecurity of(MimeEntity entity, PrivateKey ourKey, X509Certificate partnerCertificate)
            throws HttpException {
        boolean encrypted = false;
        boolean signed = false;
        boolean valid = false;
        boolean compressed = false;
        MimeEntity layer = entity;
        for (int depth = 0; depth < 6 && layer != null && !(layer instanceof ApplicationEntity); depth++) {
            if (layer instanceof ApplicationPkcs7MimeEnvelopedDataEntity enveloped) {
                encrypted = true;
                layer = enveloped.getEncryptedEntity(ourKey);
            } else if (layer instanceof MultipartSignedEntity multipartSigned) {
                signed = true;
                valid = SigningUtils.isValid(multipartSigned, new Certificate[] {partnerCertificate});
                layer = multipartSigned.getSignedDataEntity();
            } else if (layer instanceof ApplicationPkcs7MimeCompressedDataEntity compressedData) {
                compressed = true;
                layer = compressedData.getCompressedEntity(new ZlibExpanderProvider());
            } else {
                break;
            }
        }
        String mediaType = layer instanceof ApplicationEntity application && application.getContentType() != null
                ? application.getContentType().split(";")[0].trim().toLowerCase() : null;
        return new As2MessageSecurity(encrypted, signed, valid, compressed, mediaType);
    }

    public String describe() {
        return (signed ? "signed" : "unsigned") + ", " + (encrypted ? "encrypted" : "unencrypted")
                + (compressed ? ", compressed" : "");
    }
}
