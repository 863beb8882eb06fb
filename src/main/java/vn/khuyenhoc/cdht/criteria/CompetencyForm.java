package vn.khuyenhoc.cdht.criteria;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.khuyenhoc.cdht.shared.CodedForm;

/** A competency as its page posts it. */
class CompetencyForm extends CodedForm {

    @Min(value = 0, message = "{criteria.number.min}")
    @Max(value = 10000, message = "{criteria.number.max}")
    private Integer minPoints;

    static CompetencyForm of(CompetencyDefinition competency) {
        CompetencyForm form = new CompetencyForm();
        form.setCode(competency.code());
        form.setName(competency.name());
        form.minPoints = competency.minPoints();
        return form;
    }

    @Override
    @Size(max = Competency.CODE_LENGTH)
    @Pattern(regexp = CodedForm.CODE_CHARACTERS, message = "{criteria.code.pattern}")
    public String getCode() {
        return super.getCode();
    }

    @Override
    @Size(max = Competency.NAME_LENGTH)
    public String getName() {
        return super.getName();
    }

    public Integer getMinPoints() {
        return minPoints;
    }

    public void setMinPoints(Integer minPoints) {
        this.minPoints = minPoints;
    }
}
