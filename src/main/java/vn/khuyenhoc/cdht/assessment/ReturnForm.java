package vn.khuyenhoc.cdht.assessment;

/** The "return for correction" form: why, and the version the page was opened with. */
class ReturnForm {

    private long version;
    private String reason;

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
