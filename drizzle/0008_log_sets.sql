-- A log entry holds its sets (docs/DESIGN.md "Sets"). Every stored entry without them gets an
-- empty record, as a device's local migration gives it; the entry's summary numbers still
-- stand for what was done. json_insert leaves an entry that already has sets untouched.
-- The sequence numbers are kept: a device that holds the log migrates its own copy the same way.
UPDATE `logs` SET `entries` = (
  SELECT json_group_object(`key`, json_insert(`value`, '$.sets', json('{}'))) FROM json_each(`logs`.`entries`)
) WHERE `entries` <> '{}';
