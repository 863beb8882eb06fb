package vn.khuyenhoc.cdht.report;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import vn.khuyenhoc.cdht.area.Units;

/** What the target form posts; a blank unit code means a national target (admins only). */
class TargetForm {

    @NotNull
    private Indicator indicator;

    @Size(max = Units.CODE_LENGTH)
    private String scopeCode;

    @NotNull
    private Integer year;

    @NotNull
    @DecimalMin("0")
    @DecimalMax("100")
    private BigDecimal percentage;

    private long version;

    static TargetForm of(TargetRow row) {
        TargetForm form = new TargetForm();
        form.indicator = row.indicator();
        form.scopeCode = row.scopeCode();
        form.year = row.year();
        form.percentage = row.percentage();
        form.version = row.version();
        return form;
    }

    public Indicator getIndicator() {
        return indicator;
    }

    public void setIndicator(Indicator indicator) {
        this.indicator = indicator;
    }

    public String getScopeCode() {
        return scopeCode;
    }

    public void setScopeCode(String scopeCode) {
        this.scopeCode = scopeCode;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public BigDecimal getPercentage() {
        return percentage;
    }

    public void setPercentage(BigDecimal percentage) {
        this.percentage = percentage;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
