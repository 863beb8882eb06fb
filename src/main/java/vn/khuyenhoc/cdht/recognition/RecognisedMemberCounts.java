package vn.khuyenhoc.cdht.recognition;

import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.community.CollectiveSummary;
import vn.khuyenhoc.cdht.community.MemberRate;
import vn.khuyenhoc.cdht.community.MemberTitleRates;

/**
 * Counts a collective's members and those of them recognised for a year, for the collective's page: one count
 * query over the citizens attached to it and their assessment of the year in state RECOGNISED (a revoked
 * recognition is NOT_RECOGNISED, so it no longer counts). Members of a hamlet community are the hamlet's residents.
 */
@Component
class RecognisedMemberCounts implements MemberTitleRates {

    private final NamedParameterJdbcTemplate jdbc;

    RecognisedMemberCounts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<MemberRate> forCollective(CollectiveSummary collective, int year) {
        // the column comes from the kind, never from input; one assessment per citizen and year at most
        String member = switch (collective.kind()) {
            case HOUSEHOLD -> "c.household_id = :id";
            case CLAN -> "c.clan_id = :id";
            case LEARNING_UNIT -> "c.workplace_id = :id";
            case COMMUNITY -> "c.unit_id = :unitId";
        };
        return Optional.ofNullable(jdbc.queryForObject("""
                select count(*) as members, count(a.id) as recognised
                from citizen_register c
                left join assessment_outcome a on a.citizen_id = c.id and a.assessment_year = :year
                                      and a.state = 'RECOGNISED'
                where\s""" + member,
                Map.of("id", collective.id(), "unitId", collective.unitId(), "year", year),
                (rs, i) -> new MemberRate(year, rs.getLong("members"), rs.getLong("recognised"), null)));
    }
}
