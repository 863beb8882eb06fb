package vn.khuyenhoc.cdht.criteria;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import vn.khuyenhoc.cdht.shared.CodedForm;

/** An indicator and its wording for every target group of the set, as its page posts them. */
class IndicatorForm extends CodedForm {

    @NotNull
    private Long competencyId;

    @NotNull
    @Min(value = 0, message = "{criteria.number.min}")
    @Max(value = 1000, message = "{criteria.number.max}")
    private Integer minPoints = 0;

    @NotNull
    @Min(value = 1, message = "{criteria.number.min}")
    @Max(value = 1000, message = "{criteria.number.max}")
    private Integer maxPoints = 10;

    @Min(value = 0, message = "{criteria.number.min}")
    @Max(value = 1000, message = "{criteria.number.max}")
    private Integer mandatoryMin;

    @Valid
    private List<WordingEntry> wordings = new ArrayList<>();

    static IndicatorForm of(IndicatorDefinition indicator, long competencyId, List<String> groupCodes) {
        IndicatorForm form = new IndicatorForm();
        form.setCode(indicator.code());
        form.competencyId = competencyId;
        form.setName(indicator.name());
        form.minPoints = indicator.minPoints();
        form.maxPoints = indicator.maxPoints();
        form.mandatoryMin = indicator.mandatoryMin();
        for (String group : groupCodes) {
            IndicatorWording wording = indicator.wordings().get(group);
            form.wordings.add(new WordingEntry(group, wording == null ? null : wording.wording(),
                    wording == null ? null : wording.evidenceHint()));
        }
        return form;
    }

    static IndicatorForm blank(Long competencyId, List<String> groupCodes) {
        IndicatorForm form = new IndicatorForm();
        form.competencyId = competencyId;
        groupCodes.forEach(group -> form.wordings.add(new WordingEntry(group, null, null)));
        return form;
    }

    @Override
    @Size(max = Indicator.CODE_LENGTH)
    @Pattern(regexp = CodedForm.CODE_CHARACTERS, message = "{criteria.code.pattern}")
    public String getCode() {
        return super.getCode();
    }

    @Override
    @Size(max = Indicator.NAME_LENGTH)
    public String getName() {
        return super.getName();
    }

    public Long getCompetencyId() {
        return competencyId;
    }

    public void setCompetencyId(Long competencyId) {
        this.competencyId = competencyId;
    }

    public Integer getMinPoints() {
        return minPoints;
    }

    public void setMinPoints(Integer minPoints) {
        this.minPoints = minPoints;
    }

    public Integer getMaxPoints() {
        return maxPoints;
    }

    public void setMaxPoints(Integer maxPoints) {
        this.maxPoints = maxPoints;
    }

    public Integer getMandatoryMin() {
        return mandatoryMin;
    }

    public void setMandatoryMin(Integer mandatoryMin) {
        this.mandatoryMin = mandatoryMin;
    }

    public List<WordingEntry> getWordings() {
        return wordings;
    }

    public void setWordings(List<WordingEntry> wordings) {
        this.wordings = wordings;
    }

    /** One target group's wording of the indicator. */
    public static class WordingEntry {

        @NotBlank
        @Size(max = TargetGroup.CODE_LENGTH)
        private String groupCode;

        @Size(max = 2000)
        private String wording;

        @Size(max = 2000)
        private String evidenceHint;

        public WordingEntry() {
        }

        WordingEntry(String groupCode, String wording, String evidenceHint) {
            this.groupCode = groupCode;
            this.wording = wording;
            this.evidenceHint = evidenceHint;
        }

        public String getGroupCode() {
            return groupCode;
        }

        public void setGroupCode(String groupCode) {
            this.groupCode = groupCode;
        }

        public String getWording() {
            return wording;
        }

        public void setWording(String wording) {
            this.wording = wording;
        }

        public String getEvidenceHint() {
            return evidenceHint;
        }

        public void setEvidenceHint(String evidenceHint) {
            this.evidenceHint = evidenceHint;
        }
    }
}
