package vn.khuyenhoc.cdht.portal;

import java.time.Instant;

/** One printed slip (or one row of the page after issuing): who, the code, the link and its QR code. */
public record Slip(String citizenName, String unitName, int year, String reference, String code, String link,
        String qrDataUri, Instant expiresAt) {

    public String expiresOn() {
        return Times.day(expiresAt);
    }
}
