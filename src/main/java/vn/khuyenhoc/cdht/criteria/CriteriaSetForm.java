package vn.khuyenhoc.cdht.criteria;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.khuyenhoc.cdht.shared.CodedForm;

/** The header and the rules of a criteria set, as the create and edit pages post them. */
class CriteriaSetForm extends CodedForm {

    @Size(max = 500)
    private String legalBasis;

    @NotNull
    @Min(value = 2000, message = "{criteria.year.range}")
    @Max(value = 2100, message = "{criteria.year.range}")
    private Integer yearFrom;

    @NotNull
    @Min(value = 2000, message = "{criteria.year.range}")
    @Max(value = 2100, message = "{criteria.year.range}")
    private Integer yearTo;

    @NotNull
    @Min(value = 1, message = "{criteria.number.min}")
    @Max(value = 10000, message = "{criteria.number.max}")
    private Integer totalPoints = 100;

    @NotNull
    @Min(value = 0, message = "{criteria.number.min}")
    @Max(value = 10000, message = "{criteria.number.max}")
    private Integer minTotal = ScoringRules.DEFAULT_MIN_TOTAL;

    @NotNull
    @Min(value = 0, message = "{criteria.number.min}")
    @Max(value = 1000, message = "{criteria.number.max}")
    private Integer minPerIndicator = ScoringRules.DEFAULT_MIN_PER_INDICATOR;

    @Size(max = 20)
    private String digitalIndicatorCode;

    @NotNull
    @Min(value = 0, message = "{criteria.number.min}")
    @Max(value = 1000, message = "{criteria.number.max}")
    private Integer digitalThreshold = ScoringRules.DEFAULT_DIGITAL_THRESHOLD;

    @NotNull
    @Min(value = 0, message = "{criteria.number.min}")
    @Max(value = 1000, message = "{criteria.number.max}")
    private Integer proficientThreshold = ScoringRules.DEFAULT_PROFICIENT_THRESHOLD;

    private boolean proficientWhenOnlineSelf = true;

    private long version;

    static CriteriaSetForm of(CriteriaDefinition set, long version) {
        CriteriaSetForm form = new CriteriaSetForm();
        form.setCode(set.code());
        form.setName(set.name());
        form.legalBasis = set.legalBasis();
        form.yearFrom = set.yearFrom();
        form.yearTo = set.yearTo();
        form.totalPoints = set.totalPoints();
        ScoringRules rules = set.rules();
        form.minTotal = rules.minTotal();
        form.minPerIndicator = rules.minPerIndicator();
        form.digitalIndicatorCode = rules.digitalIndicatorCode();
        form.digitalThreshold = rules.digitalThreshold();
        form.proficientThreshold = rules.proficientThreshold();
        form.proficientWhenOnlineSelf = rules.proficientWhenOnlineSelf();
        form.version = version;
        return form;
    }

    ScoringRules rules() {
        return new ScoringRules(minTotal, minPerIndicator,
                digitalIndicatorCode == null || digitalIndicatorCode.isBlank() ? null : digitalIndicatorCode.trim(),
                digitalThreshold, proficientThreshold, proficientWhenOnlineSelf);
    }

    @Override
    @Size(max = CriteriaSet.CODE_LENGTH)
    @Pattern(regexp = CodedForm.CODE_CHARACTERS, message = "{criteria.code.pattern}")
    public String getCode() {
        return super.getCode();
    }

    @Override
    @Size(max = CriteriaSet.NAME_LENGTH)
    public String getName() {
        return super.getName();
    }

    public String getLegalBasis() {
        return legalBasis;
    }

    public void setLegalBasis(String legalBasis) {
        this.legalBasis = legalBasis;
    }

    public Integer getYearFrom() {
        return yearFrom;
    }

    public void setYearFrom(Integer yearFrom) {
        this.yearFrom = yearFrom;
    }

    public Integer getYearTo() {
        return yearTo;
    }

    public void setYearTo(Integer yearTo) {
        this.yearTo = yearTo;
    }

    public Integer getTotalPoints() {
        return totalPoints;
    }

    public void setTotalPoints(Integer totalPoints) {
        this.totalPoints = totalPoints;
    }

    public Integer getMinTotal() {
        return minTotal;
    }

    public void setMinTotal(Integer minTotal) {
        this.minTotal = minTotal;
    }

    public Integer getMinPerIndicator() {
        return minPerIndicator;
    }

    public void setMinPerIndicator(Integer minPerIndicator) {
        this.minPerIndicator = minPerIndicator;
    }

    public String getDigitalIndicatorCode() {
        return digitalIndicatorCode;
    }

    public void setDigitalIndicatorCode(String digitalIndicatorCode) {
        this.digitalIndicatorCode = digitalIndicatorCode;
    }

    public Integer getDigitalThreshold() {
        return digitalThreshold;
    }

    public void setDigitalThreshold(Integer digitalThreshold) {
        this.digitalThreshold = digitalThreshold;
    }

    public Integer getProficientThreshold() {
        return proficientThreshold;
    }

    public void setProficientThreshold(Integer proficientThreshold) {
        this.proficientThreshold = proficientThreshold;
    }

    public boolean isProficientWhenOnlineSelf() {
        return proficientWhenOnlineSelf;
    }

    public void setProficientWhenOnlineSelf(boolean proficientWhenOnlineSelf) {
        this.proficientWhenOnlineSelf = proficientWhenOnlineSelf;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
