package vn.khuyenhoc.cdht.recognition;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.cdht.area.UnitSummary;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * What a loader of sample data (the demo module) may do with decisions, through the same service as the pages:
 * draft a commune's decision from the service's own proposal and issue it. Keeps the service and its drafts
 * private to this module.
 */
@Component
public class RecognitionSeeding {

    private final RecognitionDecisions decisions;

    RecognitionSeeding(RecognitionDecisions decisions) {
        this.decisions = decisions;
    }

    /** True while no decision exists. */
    public boolean isEmpty() {
        return decisions.isEmpty();
    }

    /**
     * Drafts the commune's decision for the year as proposed (issuer, signer title, legal basis from the province
     * setting), with the given number, date and signer, and issues it. Returns how many assessments it recognised.
     */
    public int issueProposed(CurrentUser user, UnitSummary commune, int year, int number,
            LocalDate issuedOn, String signerName) {
        DecisionDraft proposal = decisions.proposal(user, commune, year);
        DecisionDraft draft = new DecisionDraft(number, issuedOn, proposal.issuerKind(), proposal.issuerName(),
                proposal.placeName(), signerName, proposal.signerTitle(), proposal.legalBasis(),
                proposal.superiorName());
        // the draft comes with those who passed; the others stay VERIFIED, undecided, as a commune would leave them
        long id = decisions.create(user, commune.code(), year, draft);
        return decisions.issue(user, id, decisions.get(user, id).version());
    }
}
