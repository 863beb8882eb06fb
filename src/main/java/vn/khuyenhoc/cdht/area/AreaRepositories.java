package vn.khuyenhoc.cdht.area;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AreaLevelRepository extends JpaRepository<AreaLevel, String> {

    List<AreaLevel> findAllByOrderBySortOrder();
}

interface AdminUnitRepository extends JpaRepository<AdminUnit, Long> {

    List<AdminUnit> findByParentIdOrderByName(Long parentId);

    List<AdminUnit> findByParentIdIsNullOrderByName();

    List<AdminUnit> findByCode(String code);

    List<AdminUnit> findByIdIn(Collection<Long> ids);

    @Query("""
            select u from AdminUnit u
            where u.path like concat(:scopePath, '%')
              and u.searchName like :pattern escape '\\'
              and (:includeRetired = true or u.validTo is null or u.validTo >= :today)
            order by u.depth, u.name""")
    Page<AdminUnit> search(@Param("scopePath") String scopePath, @Param("pattern") String pattern,
            @Param("includeRetired") boolean includeRetired, @Param("today") LocalDate today, Pageable pageable);

    @Query("""
            select count(u) from AdminUnit u
            where u.parentId = :parentId and (u.validTo is null or u.validTo > :day)""")
    long countChildrenValidAfter(@Param("parentId") long parentId, @Param("day") LocalDate day);

    long countByParentId(Long parentId);

    /** Re-roots a moved subtree: every descendant's path changes prefix, depth shifts by the same amount. */
    @Modifying
    @Query(value = """
            update admin_unit
               set path = concat(:newPrefix, substring(path, :oldLength + 1)),
                   depth = depth + :depthShift
             where path like concat(:oldPrefix, '%') and path <> :oldPrefix""", nativeQuery = true)
    int rebaseSubtree(@Param("oldPrefix") String oldPrefix, @Param("newPrefix") String newPrefix,
            @Param("oldLength") int oldLength, @Param("depthShift") int depthShift);
}

interface UnitSuccessionRepository extends JpaRepository<UnitSuccession, Long> {

    List<UnitSuccession> findByOldUnitIdOrderByEffectiveDate(long oldUnitId);

    List<UnitSuccession> findByNewUnitIdOrderByEffectiveDate(long newUnitId);

    boolean existsByOldUnitIdAndNewUnitId(long oldUnitId, long newUnitId);
}
