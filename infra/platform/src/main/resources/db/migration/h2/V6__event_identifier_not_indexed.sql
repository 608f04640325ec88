-- Nothing looks an event up by its identifier, and (aggregate_identifier, sequence_number) already keeps
-- two events apart: Axon gives an event outside an aggregate its own identifier as aggregate identifier.
-- The unique index on a random UUID cost every append a lookup and a write at a random place in the
-- index, and on H2 every commit a rewritten page for it (docs/BENCHMARKS.md, nineteenth round).
ALTER TABLE domain_event_entry DROP CONSTRAINT domain_event_entry_event_identifier;
