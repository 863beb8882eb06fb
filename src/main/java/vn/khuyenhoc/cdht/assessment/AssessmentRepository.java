package vn.khuyenhoc.cdht.assessment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AssessmentRepository extends JpaRepository<Assessment, Long> {

    Optional<Assessment> findByCitizenIdAndYear(long citizenId, int year);

    List<Assessment> findByCitizenIdOrderByYearDesc(long citizenId);

    boolean existsByCriteriaSetId(long criteriaSetId);

    @Query("select a.year, count(a) from Assessment a where a.criteriaSetId = :set and a.year >= :fromYear"
            + " group by a.year order by a.year")
    List<Object[]> countByYearForSet(@Param("set") long criteriaSetId, @Param("fromYear") int fromYear);
}
