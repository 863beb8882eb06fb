package vn.khuyenhoc.cdht.recognition;

/** What the revocation page posts: the reason, which the service requires. */
class RevokeForm {

    private String reason;

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
