package vn.khuyenhoc.cdht.citizen;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import vn.khuyenhoc.cdht.shared.SearchText;
import vn.khuyenhoc.cdht.shared.VersionedEntity;

@Entity
@Table(name = "citizen")
class Citizen extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "citizen_seq")
    @SequenceGenerator(name = "citizen_seq", sequenceName = "citizen_seq", allocationSize = 50)
    private Long id;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    @Column(name = "search_name", nullable = false)
    private String searchName;

    @Column(name = "birth_year", nullable = false)
    private int birthYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Gender gender;

    @Column(name = "unit_id", nullable = false)
    private Long unitId;

    @Column(name = "target_group", nullable = false)
    private String targetGroup;

    @Column(name = "workplace_id")
    private Long workplaceId;

    @Column(name = "household_id")
    private Long householdId;

    @Column(name = "clan_id")
    private Long clanId;

    private String phone;

    @Column(name = "id_number_hash")
    private String idNumberHash;

    @Column(name = "id_number_masked")
    private String idNumberMasked;

    protected Citizen() {
    }

    /** A new citizen with every column set, since Hibernate takes the values at persist time. */
    Citizen(Details details, CitizenIdNumbers.Protected idNumber) {
        created();
        change(details);
        replaceIdNumber(idNumber);
    }

    /** The columns a form changes, already checked by the service. */
    record Details(String fullName, int birthYear, Gender gender, long unitId, String targetGroup, Long workplaceId,
            Long householdId, Long clanId, String phone) {
    }

    void change(Details details) {
        this.fullName = details.fullName();
        this.searchName = SearchText.fold(details.fullName());
        this.birthYear = details.birthYear();
        this.gender = details.gender();
        this.unitId = details.unitId();
        this.targetGroup = details.targetGroup();
        this.workplaceId = details.workplaceId();
        this.householdId = details.householdId();
        this.clanId = details.clanId();
        this.phone = details.phone();
        touch();
    }

    /** Sets or (with null) removes the CCCD: only ever its hash and masked form. */
    void replaceIdNumber(CitizenIdNumbers.Protected idNumber) {
        this.idNumberHash = idNumber == null ? null : idNumber.hash();
        this.idNumberMasked = idNumber == null ? null : idNumber.masked();
        touch();
    }

    Details details() {
        return new Details(fullName, birthYear, gender, unitId, targetGroup, workplaceId, householdId, clanId, phone);
    }

    Long getId() {
        return id;
    }

    long getUnitId() {
        return unitId;
    }

    String getIdNumberHash() {
        return idNumberHash;
    }

    String getIdNumberMasked() {
        return idNumberMasked;
    }
}
