package vn.khuyenhoc.cdht.assessment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssessmentRepository extends JpaRepository<Assessment, Long> {

    Optional<Assessment> findByCitizenIdAndYear(long citizenId, int year);

    List<Assessment> findByCitizenIdOrderByYearDesc(long citizenId);

    boolean existsByCriteriaSetId(long criteriaSetId);
}
