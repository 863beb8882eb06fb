package vn.khuyenhoc.cdht.report;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import vn.khuyenhoc.cdht.area.Units;

/** What the population form posts: a unit by code, a year, and any of the four figures. */
class PopulationForm {

    @NotBlank
    @Size(max = Units.CODE_LENGTH)
    private String unitCode;

    @NotNull
    private Integer year;

    @PositiveOrZero
    private Long adults;

    @PositiveOrZero
    private Long officials;

    @PositiveOrZero
    private Long associationMembers;

    @PositiveOrZero
    private Long associationTrained;

    private long version;

    static PopulationForm of(PopulationRow row) {
        PopulationForm form = new PopulationForm();
        form.unitCode = row.unitCode();
        form.year = row.year();
        form.adults = row.figures().adults();
        form.officials = row.figures().officials();
        form.associationMembers = row.figures().associationMembers();
        form.associationTrained = row.figures().associationTrained();
        form.version = row.version();
        return form;
    }

    PopulationFigures figures() {
        return new PopulationFigures(adults, officials, associationMembers, associationTrained);
    }

    public String getUnitCode() {
        return unitCode;
    }

    public void setUnitCode(String unitCode) {
        this.unitCode = unitCode;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public Long getAdults() {
        return adults;
    }

    public void setAdults(Long adults) {
        this.adults = adults;
    }

    public Long getOfficials() {
        return officials;
    }

    public void setOfficials(Long officials) {
        this.officials = officials;
    }

    public Long getAssociationMembers() {
        return associationMembers;
    }

    public void setAssociationMembers(Long associationMembers) {
        this.associationMembers = associationMembers;
    }

    public Long getAssociationTrained() {
        return associationTrained;
    }

    public void setAssociationTrained(Long associationTrained) {
        this.associationTrained = associationTrained;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
