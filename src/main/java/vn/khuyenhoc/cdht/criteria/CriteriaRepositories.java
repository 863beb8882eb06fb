package vn.khuyenhoc.cdht.criteria;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CriteriaSetRepository extends JpaRepository<CriteriaSet, Long> {

    @Query("select s from CriteriaSet s order by s.code, s.versionNumber desc")
    List<CriteriaSet> findAllForList();

    @Query("select coalesce(max(s.versionNumber), 0) from CriteriaSet s where s.code = :code")
    int maxVersionNumber(@Param("code") String code);

    Optional<CriteriaSet> findFirstByCodeAndStatus(String code, CriteriaStatus status);

    long countByStatus(CriteriaStatus status);

    /** Every version of a code, locked until the transaction ends: two admins making the next version queue up. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from CriteriaSet s where s.code = :code")
    List<CriteriaSet> lockVersions(@Param("code") String code);

    /** Published sets that cover the year, the most recently published first. */
    @Query("""
            select s from CriteriaSet s
            where s.status = vn.khuyenhoc.cdht.criteria.CriteriaStatus.PUBLISHED
              and s.yearFrom <= :year and s.yearTo >= :year
            order by s.publishedAt desc, s.versionNumber desc, s.id desc""")
    List<CriteriaSet> findPublishedFor(@Param("year") int year);

    @Query("""
            select s from CriteriaSet s
            where s.status = vn.khuyenhoc.cdht.criteria.CriteriaStatus.PUBLISHED
            order by s.publishedAt desc, s.versionNumber desc, s.id desc""")
    List<CriteriaSet> findPublished();

    String PUBLISHED_OVERLAPPING = """
            select s from CriteriaSet s
            where s.status = vn.khuyenhoc.cdht.criteria.CriteriaStatus.PUBLISHED
              and s.yearFrom <= :yearTo and s.yearTo >= :yearFrom
            order by s.yearFrom, s.id""";

    /** Published sets covering any year from {@code yearFrom} to {@code yearTo}, the earliest first. */
    @Query(PUBLISHED_OVERLAPPING)
    List<CriteriaSet> findPublishedOverlapping(@Param("yearFrom") int yearFrom, @Param("yearTo") int yearTo);

    /**
     * As {@link #findPublishedOverlapping}, locked until the transaction ends: two admins publishing over the same
     * years queue up, and the second sees the first's result.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query(PUBLISHED_OVERLAPPING)
    List<CriteriaSet> lockPublishedOverlapping(@Param("yearFrom") int yearFrom, @Param("yearTo") int yearTo);
}

interface TargetGroupRepository extends JpaRepository<TargetGroup, String> {

    List<TargetGroup> findAllByOrderBySortOrderAscCodeAsc();

    @Query("select coalesce(max(g.sortOrder), 0) from TargetGroup g")
    int maxSortOrder();
}
