// effect's Schema references fast-check only to generate test data (Arbitrary), which mystatus never does.
export {}
