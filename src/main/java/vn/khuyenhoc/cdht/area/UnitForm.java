package vn.khuyenhoc.cdht.area;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import vn.khuyenhoc.cdht.shared.CodedForm;

/** What the create and edit pages post. */
class UnitForm extends CodedForm {

    @NotBlank
    private String levelCode;

    @Size(max = AdminUnit.CODE_LENGTH)
    private String parentCode;

    @NotNull
    @DateTimeFormat(pattern = "dd/MM/yyyy")
    private LocalDate validFrom;

    @PositiveOrZero
    private Long population;

    private long version;

    static UnitForm of(UnitSummary unit, String parentCode) {
        UnitForm form = new UnitForm();
        form.setCode(unit.code());
        form.setName(unit.name());
        form.levelCode = unit.levelCode();
        form.parentCode = parentCode;
        form.validFrom = unit.validFrom();
        form.population = unit.population();
        form.version = unit.version();
        return form;
    }

    @Override
    @Size(max = AdminUnit.CODE_LENGTH)
    @Pattern(regexp = CodedForm.CODE_CHARACTERS, message = "{area.code.pattern}")
    public String getCode() {
        return super.getCode();
    }

    @Override
    @Size(max = AdminUnit.NAME_LENGTH)
    public String getName() {
        return super.getName();
    }

    public String getLevelCode() {
        return levelCode;
    }

    public void setLevelCode(String levelCode) {
        this.levelCode = levelCode;
    }

    public String getParentCode() {
        return parentCode;
    }

    public void setParentCode(String parentCode) {
        this.parentCode = parentCode;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDate validFrom) {
        this.validFrom = validFrom;
    }

    public Long getPopulation() {
        return population;
    }

    public void setPopulation(Long population) {
        this.population = population;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
