package vn.khuyenhoc.cdht.assessment;

import org.springframework.context.MessageSourceResolvable;
import vn.khuyenhoc.cdht.citizen.CitizenSummary;

/**
 * What the "start the assessment" page tells before anything is created: the citizen, the year, the criteria set
 * that would be used, and either that the user may start it or why not.
 *
 * @param criteriaSetTitle the set in force for the year (its name and version), or null when none is
 * @param existingId       the citizen's assessment for the year when there already is one
 * @param problemKey       why it cannot be started (message key, with the year as argument), or null
 */
public record StartCheck(CitizenSummary citizen, int year, MessageSourceResolvable criteriaSetTitle,
        String targetGroupName,
        Long existingId, String problemKey, boolean mayStart) {
}
