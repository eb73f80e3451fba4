-- SchemaAtVersionTest: the migration under test turns them into minor units
ALTER TABLE prices ADD COLUMN amount BIGINT;
UPDATE prices SET amount = round(price::numeric * 100);
ALTER TABLE prices DROP COLUMN price;
ALTER TABLE prices ALTER COLUMN amount SET NOT NULL;
