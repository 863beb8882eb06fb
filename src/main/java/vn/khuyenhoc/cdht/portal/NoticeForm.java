package vn.khuyenhoc.cdht.portal;

/** The administrator's notice form: the text and the version it was edited from (kept as typed). */
public class NoticeForm {

    private String body = "";
    private String basedOn = "";

    public NoticeForm() {
    }

    NoticeForm(String body, int basedOn) {
        this.body = body;
        this.basedOn = String.valueOf(basedOn);
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body == null ? "" : body;
    }

    public String getBasedOn() {
        return basedOn;
    }

    public void setBasedOn(String basedOn) {
        this.basedOn = basedOn == null ? "" : basedOn;
    }

    /** The version edited, or null when the hidden field was tampered with. */
    Integer basedOnVersion() {
        return basedOn.matches("\\d{1,6}") ? Integer.valueOf(basedOn) : null;
    }
}
