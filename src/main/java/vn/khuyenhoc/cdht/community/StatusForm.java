package vn.khuyenhoc.cdht.community;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** What the yearly status page posts. */
class StatusForm {

    @NotNull
    private Integer year;

    private boolean recognised;

    @Size(max = 200)
    private String decisionRef;

    @DateTimeFormat(pattern = "dd/MM/yyyy")
    private LocalDate decisionDate;

    /** Learning units only. */
    private Integer memberCount;

    /** The version of that year's status when the form was opened; empty if there was none. */
    private Long version;

    static StatusForm of(YearStatus status) {
        StatusForm form = new StatusForm();
        form.year = status.year();
        form.recognised = status.recognised();
        form.decisionRef = status.decisionRef();
        form.decisionDate = status.decisionDate();
        form.memberCount = status.memberCount();
        form.version = status.version();
        return form;
    }

    YearStatusDraft toDraft() {
        return new YearStatusDraft(year, recognised, decisionRef, decisionDate, memberCount);
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public boolean isRecognised() {
        return recognised;
    }

    public void setRecognised(boolean recognised) {
        this.recognised = recognised;
    }

    public String getDecisionRef() {
        return decisionRef;
    }

    public void setDecisionRef(String decisionRef) {
        this.decisionRef = decisionRef;
    }

    public LocalDate getDecisionDate() {
        return decisionDate;
    }

    public void setDecisionDate(LocalDate decisionDate) {
        this.decisionDate = decisionDate;
    }

    public Integer getMemberCount() {
        return memberCount;
    }

    public void setMemberCount(Integer memberCount) {
        this.memberCount = memberCount;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
