-- A node that sends a delivery claims it first (claim token and lease), so two nodes sharing the database never
-- send the same message twice; a lease left by a stopped node runs out and another node takes the delivery over.
ALTER TABLE notification_delivery ADD COLUMN claimed_by VARCHAR(64);
ALTER TABLE notification_delivery ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
