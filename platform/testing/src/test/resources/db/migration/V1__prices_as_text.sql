-- SchemaAtVersionTest: a first version that stored prices as text
CREATE TABLE prices (sku TEXT PRIMARY KEY, price TEXT NOT NULL);
