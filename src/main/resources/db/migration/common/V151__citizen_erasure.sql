-- Erasure at the citizen's request (module privacy, issue 17): when the identity was replaced by the tombstone.
-- The row stays (assessments, roll-ups and issued decisions point at it); the name, phone and CCCD do not.
ALTER TABLE citizen ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;
