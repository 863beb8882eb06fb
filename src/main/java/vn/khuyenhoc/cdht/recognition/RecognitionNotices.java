package vn.khuyenhoc.cdht.recognition;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recognition module's answer to "what was decided about this assessment", for pages outside the staff's
 * (the citizen portal): only issued decisions count, a draft says nothing yet. Callers pass an assessment they
 * have already checked belongs to the person asking (the portal: the signed-in citizen's own).
 */
@Service
@Transactional(readOnly = true)
public class RecognitionNotices {

    private final RecognitionItemRepository items;
    private final RecognitionDecisionRepository decisions;
    private final RecognitionDecisions service;

    RecognitionNotices(RecognitionItemRepository items, RecognitionDecisionRepository decisions,
            RecognitionDecisions service) {
        this.items = items;
        this.decisions = decisions;
        this.service = service;
    }

    /** The issued decision that decided the assessment, if any. */
    public Optional<RecognitionNotice> forAssessment(long assessmentId) {
        return items.findByAssessmentIdIn(List.of(assessmentId)).stream().findFirst().flatMap(item -> decisions
                .findById(item.getDecisionId()).filter(d -> !d.isDraft()).map(d -> {
                    DecisionItem view = item.toView();
                    return new RecognitionNotice(d.getYear(), service.numberLabel(d.getIssuerKind(), d.getNumber()),
                            d.getIssuedOn(), d.getIssuerName(), view.recognised(),
                            view.revokedAt() == null ? null
                                    : view.revokedAt().atZone(ZoneId.systemDefault()).toLocalDate(),
                            view.revokeReason());
                }));
    }
}
