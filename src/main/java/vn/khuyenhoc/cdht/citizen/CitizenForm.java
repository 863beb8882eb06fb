package vn.khuyenhoc.cdht.citizen;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.khuyenhoc.cdht.area.Units;

/**
 * What the create and edit pages post. idNumber (the CCCD as typed) carries no constraint on purpose: a
 * rejected value would be kept for re-display, and the number must never be shown back.
 */
class CitizenForm {

    @NotBlank
    @Size(max = 150)
    private String fullName;

    @NotNull
    private Integer birthYear;

    @NotNull
    private Gender gender;

    @NotBlank
    @Size(max = Units.CODE_LENGTH)
    private String residenceCode;

    @NotBlank
    private String targetGroup;

    private Long workplaceId;

    private Long householdId;

    private Long clanId;

    @Size(max = 20)
    private String phone;

    private String idNumber;

    /** A CCCD typed earlier, sealed by the server, so that a re-rendered form need not hold the number. */
    private String idNumberToken;

    /** Edit only: delete the stored CCCD. */
    private boolean removeIdNumber;

    /** Create only: the user has seen the likely duplicates and still wants a new record. */
    private boolean confirmDuplicate;

    private long version;

    static CitizenForm of(CitizenSummary citizen) {
        CitizenForm form = new CitizenForm();
        form.fullName = citizen.fullName();
        form.birthYear = citizen.birthYear();
        form.gender = citizen.gender();
        form.residenceCode = citizen.residenceCode();
        form.targetGroup = citizen.targetGroup();
        form.workplaceId = citizen.workplaceId();
        form.householdId = citizen.householdId();
        form.clanId = citizen.clanId();
        form.phone = citizen.phone();
        form.version = citizen.version();
        return form;
    }

    /** The draft with the CCCD typed, which the controller takes out of the form before anything can echo it. */
    CitizenDraft toDraft(String typedIdNumber) {
        return new CitizenDraft(fullName, birthYear, gender, residenceCode, targetGroup, workplaceId, householdId,
                clanId, phone, typedIdNumber, idNumberToken);
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public Integer getBirthYear() {
        return birthYear;
    }

    public void setBirthYear(Integer birthYear) {
        this.birthYear = birthYear;
    }

    public Gender getGender() {
        return gender;
    }

    public void setGender(Gender gender) {
        this.gender = gender;
    }

    public String getResidenceCode() {
        return residenceCode;
    }

    public void setResidenceCode(String residenceCode) {
        this.residenceCode = residenceCode;
    }

    public String getTargetGroup() {
        return targetGroup;
    }

    public void setTargetGroup(String targetGroup) {
        this.targetGroup = targetGroup;
    }

    public Long getWorkplaceId() {
        return workplaceId;
    }

    public void setWorkplaceId(Long workplaceId) {
        this.workplaceId = workplaceId;
    }

    public Long getHouseholdId() {
        return householdId;
    }

    public void setHouseholdId(Long householdId) {
        this.householdId = householdId;
    }

    public Long getClanId() {
        return clanId;
    }

    public void setClanId(Long clanId) {
        this.clanId = clanId;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber;
    }

    public String getIdNumberToken() {
        return idNumberToken;
    }

    public void setIdNumberToken(String idNumberToken) {
        this.idNumberToken = idNumberToken;
    }

    public boolean isRemoveIdNumber() {
        return removeIdNumber;
    }

    public void setRemoveIdNumber(boolean removeIdNumber) {
        this.removeIdNumber = removeIdNumber;
    }

    public boolean isConfirmDuplicate() {
        return confirmDuplicate;
    }

    public void setConfirmDuplicate(boolean confirmDuplicate) {
        this.confirmDuplicate = confirmDuplicate;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    @Override
    public String toString() {
        return "CitizenForm[" + fullName + ", " + birthYear + ", " + residenceCode + "]";
    }
}
