-- The assessment module's published read models (issue 19): outcomes per citizen and year, and the scores of
-- each indicator, for the roll-ups, the portal, the export and the recognition counts. Plain views (inlined).
CREATE VIEW assessment_outcome AS
SELECT id, citizen_id, assessment_year, criteria_set_id, target_group, unit_id, channel, state,
       self_total, self_passed, verified_total, verified_passed, has_digital_skills, digital_proficient,
       updated_at
FROM assessment;

CREATE VIEW assessment_score_sheet AS
SELECT assessment_id, indicator_code, self_score, verified_score
FROM assessment_score;
