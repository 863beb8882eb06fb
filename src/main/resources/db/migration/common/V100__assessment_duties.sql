-- Separation of duties (module assessment): whoever entered or last changed an assessment's self-scores may not
-- verify it. entered_by stays who started the assessment; these two say who typed its scores.
ALTER TABLE assessment ADD COLUMN scores_entered_by VARCHAR(50);
ALTER TABLE assessment ADD COLUMN scores_changed_by VARCHAR(50);
-- Rows from before: the person who started them is the best knowledge of who typed their scores.
UPDATE assessment SET scores_entered_by = entered_by, scores_changed_by = entered_by
WHERE EXISTS (SELECT 1 FROM assessment_score s WHERE s.assessment_id = assessment.id AND s.self_score IS NOT NULL);

-- The rule is a per-province setting, on by default: a province without a row applies it.
CREATE SEQUENCE assessment_setting_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE assessment_setting (
    id                    BIGINT       PRIMARY KEY,
    province_unit_id      BIGINT       NOT NULL REFERENCES admin_unit (id),
    separation_of_duties  BOOLEAN      NOT NULL,
    updated_by            VARCHAR(50)  NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version               BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT assessment_setting_province_uq UNIQUE (province_unit_id)
);
