package vn.khuyenhoc.cdht.criteria;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A competency as its page posts it. */
class CompetencyForm {

    @NotBlank
    @Size(max = 20)
    @Pattern(regexp = "[A-Za-z0-9._-]*", message = "{criteria.code.pattern}")
    private String code;

    @NotBlank
    @Size(max = 300)
    private String name;

    @Min(value = 0, message = "{criteria.number.min}")
    @Max(value = 10000, message = "{criteria.number.max}")
    private Integer minPoints;

    static CompetencyForm of(CompetencyDefinition competency) {
        CompetencyForm form = new CompetencyForm();
        form.code = competency.code();
        form.name = competency.name();
        form.minPoints = competency.minPoints();
        return form;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getMinPoints() {
        return minPoints;
    }

    public void setMinPoints(Integer minPoints) {
        this.minPoints = minPoints;
    }
}
