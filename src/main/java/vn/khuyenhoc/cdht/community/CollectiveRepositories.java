package vn.khuyenhoc.cdht.community;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CollectiveRepository extends JpaRepository<Collective, Long> {

    boolean existsByKindAndUnitId(CollectiveKind kind, long unitId);

    boolean existsByKindAndUnitIdAndIdNot(CollectiveKind kind, long unitId, long id);

    long countByKind(CollectiveKind kind);
}

interface CollectiveYearRepository extends JpaRepository<CollectiveYear, Long> {

    List<CollectiveYear> findByCollectiveIdOrderByYearDesc(long collectiveId);

    Optional<CollectiveYear> findByCollectiveIdAndYear(long collectiveId, int year);
}
