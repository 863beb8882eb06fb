package vn.khuyenhoc.cdht.recognition;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RecognitionDecisionRepository extends JpaRepository<RecognitionDecision, Long> {

    boolean existsByUnitIdAndIssuerKindAndYearAndNumber(long unitId, IssuerKind kind, int year, int number);

    boolean existsByUnitIdAndIssuerKindAndYearAndNumberAndIdNot(long unitId, IssuerKind kind, int year, int number,
            long id);

    @Query("select coalesce(max(d.number), 0) from RecognitionDecision d"
            + " where d.unitId = ?1 and d.issuerKind = ?2 and d.year = ?3")
    int maxNumber(long unitId, IssuerKind kind, int year);
}

interface RecognitionItemRepository extends JpaRepository<RecognitionItem, Long> {

    List<RecognitionItem> findByDecisionIdOrderByPosition(long decisionId);

    List<RecognitionItem> findByAssessmentIdIn(Collection<Long> assessmentIds);

    Optional<RecognitionItem> findByIdAndDecisionId(long id, long decisionId);

    long countByDecisionId(long decisionId);

    long countByDecisionIdAndOutcome(long decisionId, ItemOutcome outcome);

    @Query("select coalesce(max(i.position), 0) from RecognitionItem i where i.decisionId = ?1")
    int maxPosition(long decisionId);

    /** Assessments in the commune's other decisions of the year: a pick may not take them. */
    @Query("select i.assessmentId from RecognitionItem i, RecognitionDecision d"
            + " where d.id = i.decisionId and d.unitId = ?1 and d.year = ?2 and d.id <> ?3")
    List<Long> assessmentIdsInOtherDecisions(long unitId, int year, long decisionId);
}

interface RecognitionSettingRepository extends JpaRepository<RecognitionSetting, Long> {

    Optional<RecognitionSetting> findByProvinceUnitId(long provinceUnitId);
}
