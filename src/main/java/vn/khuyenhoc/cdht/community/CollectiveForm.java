package vn.khuyenhoc.cdht.community;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import vn.khuyenhoc.cdht.area.Units;

/** What the create and edit pages of a collective post. */
class CollectiveForm {

    @NotBlank
    @Size(max = 200)
    private String name;

    @NotBlank
    @Size(max = Units.CODE_LENGTH)
    private String unitCode;

    /** Learning units only. */
    private LearningUnitType unitType;

    private long version;

    static CollectiveForm of(CollectiveSummary collective) {
        CollectiveForm form = new CollectiveForm();
        form.name = collective.name();
        form.unitCode = collective.unitCode();
        form.unitType = collective.unitType();
        form.version = collective.version();
        return form;
    }

    CollectiveDraft toDraft(CollectiveKind kind) {
        return new CollectiveDraft(kind, name, unitCode, unitType);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public void setUnitCode(String unitCode) {
        this.unitCode = unitCode;
    }

    public LearningUnitType getUnitType() {
        return unitType;
    }

    public void setUnitType(LearningUnitType unitType) {
        this.unitType = unitType;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
