package vn.khuyenhoc.cdht.citizen;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CitizenRepository extends JpaRepository<Citizen, Long> {

    Optional<Citizen> findByIdNumberHash(String idNumberHash);

    /** Likely duplicates: the same folded name and birth year in the same residence unit. */
    List<Citizen> findBySearchNameAndBirthYearAndUnitIdOrderById(String searchName, int birthYear, long unitId);
}
