package vn.khuyenhoc.cdht.demo;

import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khuyenhoc.cdht.assessment.Assessments;
import vn.khuyenhoc.cdht.assessment.ScoreEntry;
import vn.khuyenhoc.cdht.citizen.CitizenQuery;
import vn.khuyenhoc.cdht.citizen.CitizenSummary;
import vn.khuyenhoc.cdht.citizen.Citizens;
import vn.khuyenhoc.cdht.criteria.CriteriaCatalog;
import vn.khuyenhoc.cdht.criteria.CriteriaDefinition;
import vn.khuyenhoc.cdht.criteria.IndicatorDefinition;
import vn.khuyenhoc.cdht.shared.DemoMode;
import vn.khuyenhoc.cdht.shared.SystemActor;

/**
 * Demo mode only: assessments of the demo citizens for last year (verified) and this year (every state of the
 * round: drafts, submitted, verified, returned), with pass rates near the pilots' (farmers about 55 %, workers
 * 70 %, officials 90 %). Runs after the citizens (order 20), once, on an empty table, through the same service as
 * the pages, so every row is checked and audited. A few citizens of Thôn Hồ Xá (VLINH-T01) are left without an
 * assessment this year for thon1 to start, and every other citizen without one last year.
 */
@Component
@Order(30)
class AssessmentDemoData implements ApplicationRunner {

    /**
     * Who verifies the demo assessments: someone other than the application that entered them, as separation of
     * duties requires (an admin-like actor, since the demo spans every commune).
     */
    static final SystemActor VERIFIER = new SystemActor("demo.thamdinh");

    /** Assessed last year, not yet this year: their page offers to start this year's assessment. */
    static final Set<String> LEFT_FOR_THIS_YEAR = Set.of("Hồ Văn Quý", "Nguyễn Thị Bích", "Phạm Văn Đức");

    private static final Logger log = LoggerFactory.getLogger(AssessmentDemoData.class);
    private static final Map<String, Double> PASS_RATES = Map.of("FARMER", 0.55, "WORKER", 0.70, "OFFICIAL", 0.90);
    private static final double OTHER_PASS_RATE = 0.65;
    private static final Map<String, String> EVIDENCE = Map.of(
            "1", "Đọc báo Quảng Trị, nghe đài truyền thanh xã hằng ngày",
            "3", "Sinh hoạt câu lạc bộ khuyến nông, thư viện nhà văn hoá thôn",
            "5", "Dùng điện thoại thông minh: Zalo, dịch vụ công trực tuyến",
            "9", "Tham gia tổ hoà giải thôn");

    /** This year's states in turn, citizen after citizen (NONE: no assessment this year). */
    private enum Plan { VERIFIED, SUBMITTED, PARTIAL_DRAFT, COMPLETE_DRAFT, RETURNED, NONE }

    private static final List<Plan> ROTATION = List.of(Plan.VERIFIED, Plan.SUBMITTED, Plan.VERIFIED,
            Plan.PARTIAL_DRAFT, Plan.VERIFIED, Plan.SUBMITTED, Plan.COMPLETE_DRAFT, Plan.RETURNED, Plan.VERIFIED,
            Plan.NONE);

    private final DemoMode mode;
    private final Assessments assessments;
    private final Citizens citizens;
    private final CriteriaCatalog catalog;
    private final TransactionTemplate transaction;

    AssessmentDemoData(DemoMode mode, Assessments assessments, Citizens citizens, CriteriaCatalog catalog,
            PlatformTransactionManager transactionManager) {
        this.mode = mode;
        this.assessments = assessments;
        this.citizens = citizens;
        this.catalog = catalog;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        // All or nothing: a half-loaded demo would never be completed, since loading needs an empty table.
        transaction.executeWithoutResult(status -> load());
    }

    private void load() {
        if (!mode.enabled() || !assessments.isEmpty() || citizens.isEmpty()) {
            return;
        }
        int thisYear = Year.now().getValue();
        int lastYear = thisYear - 1;
        if (catalog.definitionInForce(thisYear).isEmpty() || catalog.definitionInForce(lastYear).isEmpty()) {
            log.info("Demo assessments skipped: no criteria set in force for {} and {}.", lastYear, thisYear);
            return;
        }
        List<CitizenSummary> people = citizens.search(SystemActor.INSTANCE, new CitizenQuery(null, null, null, null),
                PageRequest.of(0, 500)).getContent();
        int count = 0;
        int serial = 0;
        for (CitizenSummary citizen : people) {
            serial++;
            Random random = new Random(citizen.fullName().hashCode() * 31L + citizen.birthYear());
            boolean leftForThisYear = LEFT_FOR_THIS_YEAR.contains(citizen.fullName());
            if (serial % 7 != 0 || leftForThisYear) {
                enter(citizen, lastYear, Plan.VERIFIED, random);
                count++;
            }
            Plan plan = leftForThisYear ? Plan.NONE : ROTATION.get(serial % ROTATION.size());
            if (plan != Plan.NONE) {
                enter(citizen, thisYear, plan, random);
                count++;
            }
        }
        log.info("CDHT demo mode: loaded {} assessments for {} and {}.", count, lastYear, thisYear);
    }

    private void enter(CitizenSummary citizen, int year, Plan plan, Random random) {
        SystemActor actor = SystemActor.INSTANCE;
        CriteriaDefinition criteria = catalog.definitionInForce(year).orElseThrow();
        long id = assessments.start(actor, citizen.id(), year);
        boolean pass = random.nextDouble() < PASS_RATES.getOrDefault(citizen.targetGroup(), OTHER_PASS_RATE);
        Map<String, Integer> scores = scores(criteria, citizen.targetGroup(), pass, random);
        Map<String, ScoreEntry> self = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> score : scores.entrySet()) {
            // a partial draft: the paper form's last indicators are still to be typed in
            boolean left = plan == Plan.PARTIAL_DRAFT && self.size() >= 6;
            self.put(score.getKey(), new ScoreEntry(left ? null : score.getValue(), EVIDENCE.get(score.getKey())));
        }
        long version = assessments.saveScores(actor, id, self, 0);
        if (plan == Plan.PARTIAL_DRAFT || plan == Plan.COMPLETE_DRAFT) {
            return;
        }
        version = assessments.submit(actor, id, version);
        if (plan == Plan.SUBMITTED) {
            return;
        }
        if (plan == Plan.RETURNED) {
            assessments.returnForCorrection(actor, id, "Thiếu minh chứng cho chỉ số 2 (kế hoạch học tập cá nhân).",
                    version);
            return;
        }
        Map<String, ScoreEntry> verified = new LinkedHashMap<>();
        scores.forEach((code, score) -> verified.put(code, new ScoreEntry(score, null)));
        // One verification in five lowers a score for want of evidence, with the note it requires.
        if (random.nextInt(5) == 0) {
            String code = List.copyOf(scores.keySet()).get(random.nextInt(scores.size()));
            int lowered = Math.max(0, scores.get(code) - 1 - random.nextInt(2));
            verified.put(code, new ScoreEntry(lowered, "Minh chứng chưa đủ, hạ điểm sau khi trao đổi với chi hội."));
        }
        assessments.verify(VERIFIER, id, verified, version);
    }

    /**
     * Scores that pass (total ≥ the minimum, no indicator below its minimum) or fail as wanted. Farmers and
     * workers score lower on IT and foreign languages (indicators 5 and 6), as the pilots found.
     */
    private static Map<String, Integer> scores(CriteriaDefinition criteria, String group, boolean pass,
            Random random) {
        boolean lowDigital = "FARMER".equals(group) || "WORKER".equals(group);
        for (int attempt = 0; attempt < 1000; attempt++) {
            Map<String, Integer> scores = new LinkedHashMap<>();
            int total = 0;
            int lowest = Integer.MAX_VALUE;
            for (IndicatorDefinition indicator : criteria.indicators()) {
                boolean weak = lowDigital && ("5".equals(indicator.code()) || "6".equals(indicator.code()));
                int low = pass ? (weak ? 5 : 7) : (weak ? 2 : 4);
                int high = pass ? indicator.maxPoints() : (weak ? 7 : 9);
                int score = Math.min(indicator.maxPoints(), low + random.nextInt(high - low + 1));
                scores.put(indicator.code(), score);
                total += score;
                lowest = Math.min(lowest, score);
            }
            boolean passes = total >= criteria.rules().minTotal() && lowest >= criteria.rules().minPerIndicator();
            if (passes == pass) {
                return scores;
            }
        }
        throw new IllegalStateException("no demo scores for " + group + " pass=" + pass);
    }
}
