package vn.khuyenhoc.cdht.area;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import vn.khuyenhoc.cdht.shared.SearchText;
import vn.khuyenhoc.cdht.shared.VersionedEntity;

@Entity
@Table(name = "admin_unit")
class AdminUnit extends VersionedEntity {

    /** The lengths of the code and name columns. */
    static final int CODE_LENGTH = 30;
    static final int NAME_LENGTH = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "admin_unit_seq")
    @SequenceGenerator(name = "admin_unit_seq", sequenceName = "admin_unit_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "search_name", nullable = false)
    private String searchName;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "level_code")
    private AreaLevel level;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(nullable = false)
    private String path;

    @Column(nullable = false)
    private int depth;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    private Long population;

    protected AdminUnit() {
    }

    AdminUnit(String code, String name, AreaLevel level, LocalDate validFrom) {
        this.code = code;
        rename(name);
        this.level = level;
        this.validFrom = validFrom;
        // The path needs the id, which persist() assigns; placeUnder() sets the real one right after.
        this.path = "/";
        created();
    }

    /** Places the unit under a parent (or at the root); the id must already be assigned. */
    void placeUnder(AdminUnit parent) {
        this.parentId = parent == null ? null : parent.getId();
        this.path = (parent == null ? "/" : parent.getPath()) + id + "/";
        this.depth = parent == null ? 0 : parent.getDepth() + 1;
    }

    void rename(String newName) {
        this.name = newName.trim();
        this.searchName = SearchText.fold(newName);
    }

    boolean isValidOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }

    boolean isCurrent() {
        return isValidOn(LocalDate.now());
    }

    UnitSummary toSummary() {
        return new UnitSummary(id, code, name, level.getCode(), level.getName(), parentId, depth, validFrom, validTo,
                population, isCurrent(), getVersion());
    }

    Long getId() {
        return id;
    }

    String getCode() {
        return code;
    }

    void setCode(String code) {
        this.code = code.trim();
    }

    String getName() {
        return name;
    }

    AreaLevel getLevel() {
        return level;
    }

    void setLevel(AreaLevel level) {
        this.level = level;
    }

    Long getParentId() {
        return parentId;
    }

    String getPath() {
        return path;
    }

    int getDepth() {
        return depth;
    }

    LocalDate getValidFrom() {
        return validFrom;
    }

    void setValidFrom(LocalDate validFrom) {
        this.validFrom = validFrom;
    }

    LocalDate getValidTo() {
        return validTo;
    }

    void setValidTo(LocalDate validTo) {
        this.validTo = validTo;
    }

    Long getPopulation() {
        return population;
    }

    void setPopulation(Long population) {
        this.population = population;
    }
}
