package vn.khuyenhoc.cdht.area;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
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
            select count(u) from AdminUnit u
            where u.parentId = :parentId and (u.validTo is null or u.validTo > :day)""")
    long countChildrenValidAfter(@Param("parentId") long parentId, @Param("day") LocalDate day);

    long countByParentId(Long parentId);
}

interface UnitSuccessionRepository extends JpaRepository<UnitSuccession, Long> {

    List<UnitSuccession> findByOldUnitIdOrderByEffectiveDate(long oldUnitId);

    List<UnitSuccession> findByNewUnitIdOrderByEffectiveDate(long newUnitId);

    boolean existsByOldUnitIdAndNewUnitId(long oldUnitId, long newUnitId);
}
