package vn.khuyenhoc.cdht.demo;

import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khuyenhoc.cdht.area.UnitSummary;
import vn.khuyenhoc.cdht.area.Units;
import vn.khuyenhoc.cdht.assessment.AssessmentDecisions;
import vn.khuyenhoc.cdht.assessment.AssessmentState;
import vn.khuyenhoc.cdht.assessment.DecisionCandidate;
import vn.khuyenhoc.cdht.recognition.RecognitionSeeding;
import vn.khuyenhoc.cdht.shared.DemoMode;
import vn.khuyenhoc.cdht.shared.SystemActor;

/**
 * Demo mode only: one issued decision of Xã Vĩnh Linh (xa1's commune) for last year, from the verified demo
 * assessments of that year, so the demo shows a decision, its documents and the public list. Runs after the
 * assessments (order 30), once, while no decision exists, through the same services as the pages.
 */
@Component
@Order(40)
class RecognitionDemoData implements ApplicationRunner {

    static final String COMMUNE = "N-VLINH";
    static final int NUMBER = 15;
    private static final Logger log = LoggerFactory.getLogger(RecognitionDemoData.class);

    private final DemoMode mode;
    private final RecognitionSeeding decisions;
    private final AssessmentDecisions assessmentDecisions;
    private final Units units;
    private final TransactionTemplate transaction;

    RecognitionDemoData(DemoMode mode, RecognitionSeeding decisions, AssessmentDecisions assessmentDecisions,
            Units units, PlatformTransactionManager transactionManager) {
        this.mode = mode;
        this.decisions = decisions;
        this.assessmentDecisions = assessmentDecisions;
        this.units = units;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        // All or nothing, like issuing itself.
        transaction.executeWithoutResult(status -> load());
    }

    private void load() {
        if (!mode.enabled() || !decisions.isEmpty()) {
            return;
        }
        Optional<UnitSummary> commune = units.findByCodeOn(COMMUNE, LocalDate.now());
        int lastYear = Year.now().getValue() - 1;
        if (commune.isEmpty()) {
            return;
        }
        SystemActor actor = SystemActor.INSTANCE;
        List<Long> verified = assessmentDecisions.candidates(actor, commune.get().id(), lastYear,
                AssessmentState.VERIFIED).stream().map(DecisionCandidate::assessmentId).toList();
        if (verified.isEmpty()) {
            log.info("Demo decision skipped: no verified assessment of {} in {}.", COMMUNE, lastYear);
            return;
        }
        int recognised = decisions.issueProposed(actor, commune.get(), lastYear, NUMBER,
                LocalDate.of(lastYear, 12, 20), "Lê Thị Hồng Nhung");
        log.info("CDHT demo mode: issued decision {} of {} for {}: {} of {} verified assessments recognised.",
                NUMBER, COMMUNE, lastYear, recognised, verified.size());
    }
}
