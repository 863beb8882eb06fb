package vn.khuyenhoc.cdht.area;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

class SuccessionForm {

    @NotBlank
    @Size(max = AdminUnit.CODE_LENGTH)
    private String oldCode;

    @NotBlank
    @Size(max = AdminUnit.CODE_LENGTH)
    private String newCode;

    @NotNull
    @DateTimeFormat(pattern = "dd/MM/yyyy")
    private LocalDate effectiveDate;

    @Size(max = 500)
    private String note;

    public String getOldCode() {
        return oldCode;
    }

    public void setOldCode(String oldCode) {
        this.oldCode = oldCode;
    }

    public String getNewCode() {
        return newCode;
    }

    public void setNewCode(String newCode) {
        this.newCode = newCode;
    }

    public LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    public void setEffectiveDate(LocalDate effectiveDate) {
        this.effectiveDate = effectiveDate;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
